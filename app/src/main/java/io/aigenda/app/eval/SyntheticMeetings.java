package io.aigenda.app.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import io.aigenda.audio.Audio;
import io.aigenda.audio.AudioDecoders;
import io.aigenda.audio.AudioDecodingException;
import io.aigenda.audio.SileroVad;
import io.aigenda.audio.SpeechRegion;
import io.aigenda.audio.WavWriter;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.diarization.eval.RttmFiles;

/**
 * Meetings made from real dev recordings with exact references: one speaker's pieces
 * (reference turns that overlap nobody, or the speech regions of a single-speaker
 * recording) are laid one after another with short pauses, some starting before the
 * previous one ends (overlap), each speaker at their own loudness. The reference is where
 * each piece was placed. Everything follows from a seed, so two runs build the same
 * meetings. The pool of speakers: the AMI and pyannote RTTM recordings, the picovoice and
 * lhotse clips, each channel of the stereo clip and the single-speaker ASR recordings
 * (about 12 people; a piece recurs in long meetings, which makes them easier than real
 * ones).
 */
final class SyntheticMeetings {

	/**
	 * Speakers, seconds, overlap: the meetings {@code eval diarization --synthetic}
	 * builds.
	 */
	static final List<Spec> DEFAULT = List.of(new Spec(1, 30, false), new Spec(1, 60, false), new Spec(2, 60, true),
			new Spec(3, 90, false), new Spec(4, 120, true), new Spec(6, 150, false), new Spec(8, 180, true),
			new Spec(10, 240, false), new Spec(12, 300, true));

	static final double MIN_PIECE_SECONDS = 0.8;

	static final double MAX_PIECE_SECONDS = 8;

	record Spec(int speakers, double seconds, boolean overlap) {
	}

	private SyntheticMeetings() {
	}

	/** Each speaker's pieces of speech, by speaker, from eval-dev. */
	static Map<String, List<float[]>> pool(Path evalDev) {
		Map<String, List<float[]>> pool = new TreeMap<>();
		Path diarization = evalDev.resolve("diarization");
		List<EvalDiarizationCommand.Case> cases = new ArrayList<>();
		for (String folder : List.of("ami_dev", "pyannote_sample")) {
			cases.addAll(EvalDiarizationCommand.cases(List.of(diarization.resolve(folder))));
		}
		cases.addAll(EvalDiarizationCommand.moreCases(diarization));
		for (EvalDiarizationCommand.Case item : cases) {
			if (item.name().contains("stereo")) {
				continue;
			}
			Audio audio = AudioDecoders.detect().decode(item.audio());
			for (SpeakerTurn turn : item.reference()) {
				boolean alone = item.reference()
					.stream()
					.noneMatch(o -> o != turn && !o.speaker().equals(turn.speaker()) && o.start() < turn.end()
							&& o.end() > turn.start());
				if (alone && turn.end() - turn.start() >= MIN_PIECE_SECONDS) {
					add(pool, turn.speaker(), audio, turn.start(), turn.end());
				}
			}
		}
		try (SileroVad vad = SileroVad.load()) {
			for (String file : List.of("asr/en/jfk.wav", "asr/en/2412-153948-0000.flac", "asr/ru/test_sound_ru.wav",
					"asr/ru/long_ru_60s_noref.wav")) {
				Audio audio;
				try {
					audio = AudioDecoders.detect().decode(evalDev.resolve(file));
				}
				catch (AudioDecodingException ex) {
					continue; // FLAC needs ffmpeg
				}
				String name = file.substring(file.lastIndexOf('/') + 1, file.lastIndexOf('.'));
				addRegions(pool, name, audio, vad);
			}
			Path stereo = diarization.resolve("more/faster-whisper_stereo/stereo_diarization.wav");
			if (Files.isRegularFile(stereo)) {
				List<Audio> channels = channels(stereo);
				for (int c = 0; c < channels.size(); c++) {
					addRegions(pool, "stereo-channel-" + c, channels.get(c), vad);
				}
			}
		}
		pool.values().removeIf(List::isEmpty);
		return pool;
	}

	private static void addRegions(Map<String, List<float[]>> pool, String speaker, Audio audio, SileroVad vad) {
		for (SpeechRegion region : vad.detect(audio)) {
			if (region.end() - region.start() >= MIN_PIECE_SECONDS) {
				add(pool, speaker, audio, region.start(), region.end());
			}
		}
	}

	private static void add(Map<String, List<float[]>> pool, String speaker, Audio audio, double start, double end) {
		int from = (int) Math.round(start * Audio.SAMPLE_RATE);
		int to = Math.min(audio.samples().length, (int) Math.round(end * Audio.SAMPLE_RATE));
		if (to > from) {
			pool.computeIfAbsent(speaker, k -> new ArrayList<>())
				.add(java.util.Arrays.copyOfRange(audio.samples(), from, to));
		}
	}

	/** Each channel of a 16 kHz PCM WAV on its own. */
	static List<Audio> channels(Path wav) {
		try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
			var format = in.getFormat();
			if (format.getSampleSizeInBits() != 16 || format.getSampleRate() != Audio.SAMPLE_RATE) {
				throw new IllegalArgumentException("Expected 16-bit 16 kHz audio in " + wav);
			}
			byte[] bytes = in.readAllBytes();
			int channels = format.getChannels();
			int frames = bytes.length / (2 * channels);
			List<Audio> out = new ArrayList<>();
			for (int c = 0; c < channels; c++) {
				float[] samples = new float[frames];
				for (int f = 0; f < frames; f++) {
					int at = (f * channels + c) * 2;
					int value = format.isBigEndian() ? (bytes[at] << 8) | (bytes[at + 1] & 0xff)
							: (bytes[at + 1] << 8) | (bytes[at] & 0xff);
					samples[f] = value / 32768f;
				}
				out.add(new Audio(samples, Audio.SAMPLE_RATE));
			}
			return out;
		}
		catch (IOException | javax.sound.sampled.UnsupportedAudioFileException ex) {
			throw new IllegalArgumentException("Cannot read the channels of " + wav + ": " + ex.getMessage(), ex);
		}
	}

	/** One meeting: its audio and exact reference. */
	static EvalDiarizationCommand.Case build(Map<String, List<float[]>> pool, Spec spec, long seed) {
		Random random = new Random(seed);
		List<String> speakers = new ArrayList<>(pool.keySet());
		Collections.shuffle(speakers, random);
		speakers = speakers.subList(0, Math.min(spec.speakers(), speakers.size()));
		double[] gain = new double[speakers.size()];
		for (int s = 0; s < gain.length; s++) {
			gain[s] = Math.pow(10, (-10 + 12 * random.nextDouble()) / 20);
		}
		int total = (int) Math.round((spec.seconds() + MAX_PIECE_SECONDS + 2) * Audio.SAMPLE_RATE);
		float[] samples = new float[total];
		List<SpeakerTurn> reference = new ArrayList<>();
		List<Integer> order = new ArrayList<>();
		double t = 0.3;
		int previous = -1;
		double previousStart = 0;
		double end = 0;
		while (t < spec.seconds() || order.size() < speakers.size()) {
			int s;
			if (order.size() < speakers.size()) {
				s = order.size(); // everyone speaks early on
			}
			else {
				do {
					s = random.nextInt(speakers.size());
				}
				while (s == previous && speakers.size() > 1);
			}
			order.add(s);
			List<float[]> pieces = pool.get(speakers.get(s));
			float[] piece = pieces.get(random.nextInt(pieces.size()));
			int length = Math.min(piece.length,
					(int) ((2 + random.nextDouble() * (MAX_PIECE_SECONDS - 2)) * Audio.SAMPLE_RATE));
			int offset = random.nextInt(piece.length - length + 1);
			double start = t;
			if (spec.overlap() && previous >= 0 && random.nextDouble() < 0.25) {
				start = Math.max(previousStart + 0.3, t - 0.2 - Math.min(1.0, 0.5 * (t - previousStart)));
			}
			int at = (int) Math.round(start * Audio.SAMPLE_RATE);
			if (at + length > samples.length) {
				samples = java.util.Arrays.copyOf(samples, at + length + Audio.SAMPLE_RATE);
			}
			for (int i = 0; i < length; i++) {
				samples[at + i] += (float) (piece[offset + i] * gain[s]);
			}
			double stop = start + (double) length / Audio.SAMPLE_RATE;
			reference.add(new SpeakerTurn(start, stop, speakers.get(s)));
			end = Math.max(end, stop);
			previous = s;
			previousStart = start;
			t = Math.max(t, stop) + 0.15 + 0.6 * random.nextDouble();
		}
		float[] trimmed = java.util.Arrays.copyOf(samples, (int) Math.ceil((end + 0.3) * Audio.SAMPLE_RATE));
		String name = String.format(Locale.ROOT, "synthetic/%02d-speakers-%ds-%s-%d", spec.speakers(),
				(int) spec.seconds(), spec.overlap() ? "overlap" : "turns", seed);
		return new EvalDiarizationCommand.Case(name, null, reference, null, new Audio(trimmed, Audio.SAMPLE_RATE));
	}

	static List<EvalDiarizationCommand.Case> build(Path evalDev, List<Spec> specs, long seed) {
		Map<String, List<float[]>> pool = pool(evalDev);
		List<EvalDiarizationCommand.Case> cases = new ArrayList<>();
		for (int i = 0; i < specs.size(); i++) {
			cases.add(build(pool, specs.get(i), seed * 1000 + i));
		}
		return cases;
	}

	/** Writes each meeting as {@code NAME.wav} and {@code NAME.rttm} into a folder. */
	static void write(List<EvalDiarizationCommand.Case> cases, Path folder) {
		try {
			Files.createDirectories(folder);
			for (EvalDiarizationCommand.Case item : cases) {
				String id = item.name().substring(item.name().indexOf('/') + 1);
				WavWriter.write(item.samples(), folder.resolve(id + ".wav"));
				RttmFiles.write(folder.resolve(id + ".rttm"), id, item.reference());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write synthetic meetings to " + folder, ex);
		}
	}

}
