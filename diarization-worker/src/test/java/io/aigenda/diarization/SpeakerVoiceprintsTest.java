package io.aigenda.diarization;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.aigenda.audio.Audio;
import io.aigenda.audio.AudioDecoders;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.diarization.eval.RttmFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Voiceprints on real meetings, scored only on recordings the background statistics were
 * not made from: AMI dev00 and dev01 are two clips of one meeting with the same two
 * people.
 */
class SpeakerVoiceprintsTest {

	private static final Path EVAL = Path.of(System.getProperty("aigenda.shared", "../shared"), "eval-dev");

	private final SpeakerVoiceprints voiceprints = new SpeakerVoiceprints(DiarizationProperties.defaults().embedding());

	@Test
	void eachPersonOfOneClipIsRecognisedInAnotherClipOfTheSameMeeting() {
		Map<String, List<SpeakerTurn>> reference = RttmFiles
			.read(EVAL.resolve("diarization/ami_dev/debug.development.rttm"));
		Map<String, float[]> enrolled = this.voiceprints.embed(audio("diarization/ami_dev/dev00.wav"),
				reference.get("dev00"));
		Map<String, float[]> later = this.voiceprints.embed(audio("diarization/ami_dev/dev01.wav"),
				reference.get("dev01"));

		assertThat(enrolled.keySet()).containsExactlyInAnyOrder("MEE009", "MEE012");
		for (String person : later.keySet()) {
			String best = null;
			double bestScore = -2;
			for (var e : enrolled.entrySet()) {
				double score = cosine(e.getValue(), later.get(person));
				if (score > bestScore) {
					bestScore = score;
					best = e.getKey();
				}
			}
			assertThat(best).as("best match of " + person).isEqualTo(person);
			assertThat(bestScore).isGreaterThan(SpeakerVoiceprints.MATCH_THRESHOLD);
		}
	}

	@Test
	void theSecondHalfOfEachSpeakerMatchesTheFirstHalfBest() {
		Map<String, List<SpeakerTurn>> reference = RttmFiles
			.read(EVAL.resolve("diarization/pyannote_sample/sample.rttm"));
		List<SpeakerTurn> turns = reference.get("sample");
		double middle = 15.0;
		List<SpeakerTurn> first = new ArrayList<>();
		List<SpeakerTurn> second = new ArrayList<>();
		for (SpeakerTurn t : turns) {
			(t.start() < middle ? first : second).add(t);
		}
		Audio audio = audio("diarization/pyannote_sample/sample.wav");
		Map<String, float[]> a = this.voiceprints.embed(audio, first);
		Map<String, float[]> b = this.voiceprints.embed(audio, second);
		for (String speaker : b.keySet()) {
			if (!a.containsKey(speaker)) {
				continue;
			}
			for (String other : a.keySet()) {
				if (!other.equals(speaker)) {
					assertThat(cosine(a.get(speaker), b.get(speaker))).as(speaker + " vs " + other)
						.isGreaterThan(cosine(a.get(other), b.get(speaker)));
				}
			}
		}
	}

	@Test
	void tooLittleSpeechGivesNoVoiceprint() {
		Audio audio = audio("asr/en/jfk.wav");
		assertThat(this.voiceprints.embed(audio, List.of(new SpeakerTurn(0, 1.5, "S1")))).isEmpty();
		assertThat(this.voiceprints.embed(audio, List.of(new SpeakerTurn(0, 11, "S1")))).containsKey("S1");
	}

	private static Audio audio(String relative) {
		return AudioDecoders.detect().decode(EVAL.resolve(relative));
	}

	static double cosine(float[] a, float[] b) {
		double dot = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
		}
		return dot;
	}

}
