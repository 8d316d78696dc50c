package io.aigenda.diarization;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.aigenda.audio.Audio;
import io.aigenda.audio.AudioDecoders;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.diarization.eval.RttmFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Voiceprints of every dev speaker with enough speech, compared across recordings: pairs
 * of one person in two recordings should score above the match threshold, pairs of two
 * people below it. Prints the false and missed matches at the threshold.
 */
class VoiceprintPairsTest {

	private static final Path EVAL = Path.of(System.getProperty("aigenda.shared", "../shared"), "eval-dev");

	private final SpeakerVoiceprints voiceprints = new SpeakerVoiceprints(DiarizationProperties.defaults().embedding());

	@Test
	void crossRecordingPairsAtTheMatchThreshold() {
		Map<String, Map<String, float[]>> byRecording = new LinkedHashMap<>();
		Map<String, List<SpeakerTurn>> ami = RttmFiles.read(EVAL.resolve("diarization/ami_dev/debug.development.rttm"));
		for (String id : List.of("dev00", "dev01")) {
			byRecording.put(id, this.voiceprints.embed(audio("diarization/ami_dev/" + id + ".wav"), ami.get(id)));
		}
		byRecording.put("sample", this.voiceprints.embed(audio("diarization/pyannote_sample/sample.wav"),
				RttmFiles.read(EVAL.resolve("diarization/pyannote_sample/sample.rttm")).get("sample")));
		for (String file : List.of("asr/en/jfk.wav", "asr/ru/long_ru_60s_noref.wav", "asr/ru/test_sound_ru.wav",
				"diarization/more/picovoice_leopard/diarization_test.wav")) {
			Audio audio = audio(file);
			String name = file.substring(file.lastIndexOf('/') + 1);
			byRecording.put(name,
					this.voiceprints.embed(audio, List.of(new SpeakerTurn(0, audio.durationSeconds(), name))));
		}
		List<Double> same = new ArrayList<>();
		List<Double> different = new ArrayList<>();
		List<String> recordings = new ArrayList<>(byRecording.keySet());
		for (int a = 0; a < recordings.size(); a++) {
			for (int b = a + 1; b < recordings.size(); b++) {
				for (var x : byRecording.get(recordings.get(a)).entrySet()) {
					for (var y : byRecording.get(recordings.get(b)).entrySet()) {
						double score = SpeakerVoiceprintsTest.cosine(x.getValue(), y.getValue());
						(x.getKey().equals(y.getKey()) ? same : different).add(score);
					}
				}
			}
		}
		double threshold = SpeakerVoiceprints.MATCH_THRESHOLD;
		long missed = same.stream().filter(s -> s < threshold).count();
		long falseMatches = different.stream().filter(s -> s >= threshold).count();
		System.out.printf(java.util.Locale.ROOT,
				"voiceprint pairs across recordings at %.2f: %d of %d same-person pairs missed (scores %s), %d of %d different-person pairs matched (highest %.3f)%n",
				threshold, missed, same.size(), same, falseMatches, different.size(),
				different.stream().mapToDouble(Double::doubleValue).max().orElse(-1));
		System.out.println("different-person scores: " + different);
		assertThat(missed).isZero();
		assertThat(falseMatches).isZero();
	}

	private static Audio audio(String relative) {
		return AudioDecoders.detect().decode(EVAL.resolve(relative));
	}

}
