package io.aigenda.audio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Two-channel recordings made from the real dev recordings, each labelled with what it
 * is: a call with one speaker per channel, or one room heard twice. The rule in
 * {@link StereoChannels} is chosen on them and both speech workers' tests decide on them
 * ({@code StereoChannelsEvaluationTest} prints the figures).
 * <ul>
 * <li>calls: the real dev clip with a speaker per channel, and two different dev speakers
 * put on separate channels, taking turns (half a sentence each, 0.3 s over each other) or
 * talking all the time together, each with and without -25 dB of the other channel
 * leaking in;</li>
 * <li>one room: single-speaker and meeting recordings (the pyannote call, AMI, three
 * people of Picovoice) copied to both channels, one channel 0.5 to 20 ms late (spaced
 * microphones), 6 or 20 dB quieter, or both.</li>
 * </ul>
 */
public final class StereoCases {

	/** Single-speaker recordings: one voice each, all different people. */
	static final List<String> VOICES = List.of("asr/en/jfk.wav", "asr/en/2412-153948-0000.flac",
			"asr/ru/test_sound_ru.wav", "asr/ru/long_ru_60s_noref.wav");

	/** Recordings of one room, one to four people. */
	static final List<String> ROOMS = List.of("asr/en/jfk.wav", "diarization/pyannote_sample/sample.wav",
			"diarization/ami_dev/dev00.wav", "diarization/ami_dev/dev01.wav", "diarization/ami_train/trn01.wav",
			"diarization/ami_train/trn02.wav", "diarization/more/lhotse_ami_clip/ES2011a.Headset-0-40s-46s.wav",
			"diarization/more/picovoice_leopard/diarization_test.wav");

	static final String REAL_CALL = "diarization/more/faster-whisper_stereo/stereo_diarization.wav";

	private static final double[] DELAYS_MS = { 0.5, 1, 2, 5, 10, 20 };

	private static final double LEAK_DB = -25;

	// a long voice is cut: a call where one side says a sentence and the other talks
	// for a minute is not what this tells apart
	private static final double MAX_VOICE_SECONDS = 20;

	private StereoCases() {
	}

	/**
	 * @param name what was done to which recordings
	 * @param call whether it carries one speaker per channel
	 */
	public record Case(String name, boolean call, Audio left, Audio right) {

		/** The case as a 16-bit stereo WAV file named after it in {@code folder}. */
		public Path writeWav(Path folder) throws IOException {
			Path file = folder.resolve(this.name.replaceAll("[^A-Za-z0-9.+-]+", "_") + ".wav");
			float[] l = this.left.samples();
			float[] r = this.right.samples();
			int frames = Math.min(l.length, r.length);
			ByteBuffer data = ByteBuffer.allocate(4 * frames).order(ByteOrder.LITTLE_ENDIAN);
			for (int i = 0; i < frames; i++) {
				data.putShort(pcm16(l[i])).putShort(pcm16(r[i]));
			}
			try (OutputStream out = Files.newOutputStream(file)) {
				out.write(WavWriter.header(Audio.SAMPLE_RATE, 2, 16, 4L * frames));
				out.write(data.array());
			}
			return file;
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	/** A worker's entry point: whether it takes the file channel by channel. */
	@FunctionalInterface
	public interface Splitter {

		boolean splits(Path file) throws Exception;

	}

	/**
	 * Checks a worker's entry point, which decodes each file as the worker does: it
	 * splits a file exactly when the shared rule does, and the rule's answer is right.
	 * The rule itself is checked on every case in memory
	 * ({@code StereoChannelsEvaluationTest}); the entry point on every fifth case and on
	 * the call and the room nearest the threshold, where a difference in decoding would
	 * show first.
	 */
	public static void checkEntryPoint(Path work, Splitter entryPoint) throws Exception {
		List<Case> cases = all();
		Case nearestCall = null;
		Case nearestRoom = null;
		double highestCall = -2;
		double lowestRoom = 2;
		for (Case c : cases) {
			double correlation = StereoChannels.analyse(c.left(), c.right()).envelopeCorrelation();
			if (c.call() && correlation > highestCall) {
				highestCall = correlation;
				nearestCall = c;
			}
			if (!c.call() && correlation < lowestRoom) {
				lowestRoom = correlation;
				nearestRoom = c;
			}
		}
		List<Case> checked = new ArrayList<>();
		for (int i = 0; i < cases.size(); i += 5) {
			checked.add(cases.get(i));
		}
		checked.add(nearestCall);
		checked.add(nearestRoom);
		for (Case c : checked) {
			Path file = c.writeWav(work);
			boolean split = entryPoint.splits(file);
			org.assertj.core.api.Assertions.assertThat(split)
				.as(c.name())
				.isEqualTo(StereoChannels.Settings.DEFAULTS
					.oneSpeakerPerChannel(StereoChannels.analyse(c.left(), c.right())))
				.isEqualTo(c.call());
			Files.delete(file);
		}
		org.assertj.core.api.Assertions.assertThat(checked.stream().filter(Case::call).count()).isPositive();
		org.assertj.core.api.Assertions.assertThat(checked.stream().filter(c -> !c.call()).count()).isPositive();
	}

	/** Every case, calls first. */
	public static List<Case> all() {
		List<Case> cases = new ArrayList<>(calls());
		cases.addAll(rooms());
		return cases;
	}

	public static List<Case> calls() {
		AudioDecoder decoder = AudioDecoders.detect();
		List<Case> cases = new ArrayList<>();
		List<Audio> real = decoder.decodeChannels(file(REAL_CALL));
		cases.add(new Case("real call (stereo_diarization.wav)", true, real.get(0), real.get(1)));
		List<Audio> voices = new ArrayList<>();
		for (String voice : VOICES) {
			voices.add(decoder.decode(file(voice)).slice(0, MAX_VOICE_SECONDS));
		}
		for (int a = 0; a < voices.size(); a++) {
			for (int b = a + 1; b < voices.size(); b++) {
				String pair = name(VOICES.get(a)) + " | " + name(VOICES.get(b));
				Audio[] turns = takingTurns(voices.get(a), voices.get(b));
				Audio[] together = { voices.get(a), voices.get(b) };
				cases.add(new Case("call, turns: " + pair, true, turns[0], turns[1]));
				cases.add(new Case("call, turns, leak " + (int) LEAK_DB + " dB: " + pair, true,
						leak(turns[0], turns[1]), leak(turns[1], turns[0])));
				cases.add(new Case("call, together: " + pair, true, together[0], together[1]));
				cases.add(new Case("call, together, leak " + (int) LEAK_DB + " dB: " + pair, true,
						leak(together[0], together[1]), leak(together[1], together[0])));
			}
		}
		return cases;
	}

	public static List<Case> rooms() {
		AudioDecoder decoder = AudioDecoders.detect();
		List<Case> cases = new ArrayList<>();
		for (String room : ROOMS) {
			Audio audio = decoder.decode(file(room));
			String name = name(room);
			cases.add(new Case("room, copy: " + name, false, audio, audio));
			for (double ms : DELAYS_MS) {
				cases.add(new Case(String.format(Locale.ROOT, "room, %s ms late: %s", ms, name), false, audio,
						late(audio, ms)));
			}
			cases.add(new Case("room, -6 dB: " + name, false, audio, gain(audio, -6)));
			cases.add(new Case("room, -20 dB: " + name, false, audio, gain(audio, -20)));
			cases.add(new Case("room, 2 ms late, -10 dB: " + name, false, audio, gain(late(audio, 2), -10)));
		}
		return cases;
	}

	static Path file(String relative) {
		Path path = Path.of(System.getProperty("aigenda.shared", "../../shared"), "eval-dev", relative);
		if (!Files.isRegularFile(path)) {
			throw new IllegalStateException("Missing eval-dev file " + path.toAbsolutePath());
		}
		return path;
	}

	private static String name(String relative) {
		return Path.of(relative).getFileName().toString();
	}

	/**
	 * A first speaks the first half of their recording, B answers with the first half of
	 * theirs, then A and B the second halves, each starting 0.3 s before the other ends.
	 */
	private static Audio[] takingTurns(Audio a, Audio b) {
		int overlap = (int) (0.3 * Audio.SAMPLE_RATE);
		float[][] parts = { half(a, 0), half(b, 0), half(a, 1), half(b, 1) };
		int length = 0;
		for (float[] part : parts) {
			length += part.length - overlap;
		}
		float[][] channels = new float[2][length + overlap];
		int at = 0;
		for (int p = 0; p < parts.length; p++) {
			System.arraycopy(parts[p], 0, channels[p % 2], at, parts[p].length);
			at += parts[p].length - overlap;
		}
		return new Audio[] { new Audio(channels[0], Audio.SAMPLE_RATE), new Audio(channels[1], Audio.SAMPLE_RATE) };
	}

	private static float[] half(Audio audio, int which) {
		int middle = audio.samples().length / 2;
		return (which == 0) ? Arrays.copyOfRange(audio.samples(), 0, middle)
				: Arrays.copyOfRange(audio.samples(), middle, audio.samples().length);
	}

	/** The channel with the other one leaking in at {@link #LEAK_DB}. */
	private static Audio leak(Audio channel, Audio other) {
		float g = (float) Math.pow(10, LEAK_DB / 20);
		float[] out = channel.samples().clone();
		for (int i = 0; i < Math.min(out.length, other.samples().length); i++) {
			out[i] += g * other.samples()[i];
		}
		return new Audio(out, Audio.SAMPLE_RATE);
	}

	private static Audio late(Audio audio, double ms) {
		int shift = (int) Math.round(ms / 1000 * audio.sampleRate());
		float[] out = new float[audio.samples().length];
		System.arraycopy(audio.samples(), 0, out, shift, out.length - shift);
		return new Audio(out, audio.sampleRate());
	}

	private static Audio gain(Audio audio, double db) {
		float g = (float) Math.pow(10, db / 20);
		float[] out = audio.samples().clone();
		for (int i = 0; i < out.length; i++) {
			out[i] *= g;
		}
		return new Audio(out, audio.sampleRate());
	}

	private static short pcm16(float sample) {
		return (short) Math.round(Math.max(-1, Math.min(1, sample)) * 32767);
	}

}
