package io.aigenda.app.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.aigenda.audio.Audio;
import io.aigenda.audio.AudioDecoders;
import io.aigenda.audio.SileroVad;
import io.aigenda.audio.SpeechRegion;
import io.aigenda.contracts.SpeakerTurn;

/**
 * Recordings with known speakers made from real single-speaker recordings that
 * diarization is not tuned on ({@code eval-dev/asr}: four different people): each alone,
 * and concatenated by twos and threes with a short silence between them. A speaker's
 * reference turns are the speech regions Silero VAD finds in that speaker's own
 * recording, so missed speech and false alarm mostly measure segmentation against that
 * VAD, while confusion and the speaker count measure who spoke. Everything is fixed
 * (files, order, gap), so two runs build the same recordings.
 */
final class HeldOutMixes {

	/**
	 * Relative to {@code eval-dev/asr}; the speaker label is the file name without
	 * extension.
	 */
	static final List<String> SPEAKERS = List.of("en/jfk.wav", "en/2412-153948-0000.flac", "ru/test_sound_ru.wav",
			"ru/long_ru_60s_noref.wav");

	/** Which recordings are joined, by index into {@link #SPEAKERS}, in this order. */
	static final List<List<Integer>> MIXES = List.of(List.of(0), List.of(1), List.of(2), List.of(3), List.of(0, 2),
			List.of(1, 3), List.of(0, 1), List.of(2, 3), List.of(0, 3, 1), List.of(2, 1, 0),
			// length must not change the count: six minutes of one voice, and two voices
			// taking turns for three minutes
			List.of(3, 3, 3, 3, 3, 3), List.of(3, 1, 3, 1, 3, 1));

	static final double GAP_SECONDS = 0.5;

	private HeldOutMixes() {
	}

	static List<EvalDiarizationCommand.Case> build(Path asrFolder) {
		return build(asrFolder, false);
	}

	/**
	 * @param decodableOnly leave out the recordings this machine cannot decode (FLAC
	 * without ffmpeg) and the mixes that hold them, instead of failing
	 */
	static List<EvalDiarizationCommand.Case> build(Path asrFolder, boolean decodableOnly) {
		List<Path> files = SPEAKERS.stream().map(asrFolder::resolve).toList();
		for (Path file : files) {
			if (!Files.isRegularFile(file)) {
				throw new IllegalArgumentException("Held-out recording missing: " + file);
			}
		}
		Map<String, Audio> audio = new LinkedHashMap<>();
		Map<String, List<SpeechRegion>> speech = new LinkedHashMap<>();
		try (SileroVad vad = SileroVad.load()) {
			for (Path file : files) {
				Audio decoded;
				try {
					decoded = AudioDecoders.detect().decode(file);
				}
				catch (io.aigenda.audio.AudioDecodingException ex) {
					if (!decodableOnly) {
						throw ex;
					}
					continue;
				}
				audio.put(label(file), decoded);
				speech.put(label(file), vad.detect(decoded));
			}
		}
		List<EvalDiarizationCommand.Case> cases = new ArrayList<>();
		for (List<Integer> mix : MIXES) {
			List<String> speakers = mix.stream().map(i -> label(files.get(i))).toList();
			if (!audio.keySet().containsAll(speakers)) {
				continue;
			}
			cases.add(mix(speakers, audio, speech));
		}
		return cases;
	}

	static EvalDiarizationCommand.Case mix(List<String> speakers, Map<String, Audio> audio,
			Map<String, List<SpeechRegion>> speech) {
		int gap = (int) Math.round(GAP_SECONDS * Audio.SAMPLE_RATE);
		int length = 0;
		for (String speaker : speakers) {
			length += audio.get(speaker).samples().length + gap;
		}
		float[] samples = new float[length - gap];
		List<SpeakerTurn> reference = new ArrayList<>();
		int offset = 0;
		for (String speaker : speakers) {
			float[] part = audio.get(speaker).samples();
			System.arraycopy(part, 0, samples, offset, part.length);
			double start = (double) offset / Audio.SAMPLE_RATE;
			for (SpeechRegion region : speech.get(speaker)) {
				reference.add(new SpeakerTurn(start + region.start(), start + region.end(), speaker));
			}
			offset += part.length + gap;
		}
		return new EvalDiarizationCommand.Case("held-out/" + name(speakers), null, reference, null,
				new Audio(samples, Audio.SAMPLE_RATE));
	}

	/** The speakers joined by "+", a repeated run once with its count ("a+b x3"). */
	static String name(List<String> speakers) {
		for (int period = 1; period < speakers.size(); period++) {
			if (speakers.size() % period != 0) {
				continue;
			}
			boolean repeats = true;
			for (int i = period; i < speakers.size() && repeats; i++) {
				repeats = speakers.get(i).equals(speakers.get(i - period));
			}
			if (repeats) {
				return String.join("+", speakers.subList(0, period)) + " x" + (speakers.size() / period);
			}
		}
		return String.join("+", speakers);
	}

	private static String label(Path file) {
		String name = file.getFileName().toString();
		return name.substring(0, name.lastIndexOf('.'));
	}

}
