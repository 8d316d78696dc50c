package io.aigenda.diarization;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.aigenda.audio.Audio;
import io.aigenda.audio.AudioDecoders;
import io.aigenda.contracts.DiarizationDocument;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.diarization.eval.DerResult;
import io.aigenda.diarization.eval.DiarizationErrorRate;
import io.aigenda.diarization.eval.RttmFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recording longer than one block ({@link AudioBlocks#SECONDS}) with more windows than
 * are clustered together: the pyannote sample looped twelve times (6 minutes) by ffmpeg,
 * decoded to disk and diarized a stretch at a time, with clustering limited to 150
 * windows. The speakers and the error against the looped reference must stay those of the
 * clip.
 */
class LongRecordingDiarizationTest {

	private static final Path SAMPLE = Path.of(System.getProperty("aigenda.shared"),
			"eval-dev/diarization/pyannote_sample");

	private static final int COPIES = 12;

	@Test
	void aLoopedMeetingDiarizedInStretchesKeepsTheClipsSpeakersAndAccuracy(@TempDir Path dir) throws Exception {
		Path looped = dir.resolve("looped.wav");
		Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-stream_loop",
				String.valueOf(COPIES - 1), "-i", SAMPLE.resolve("sample.wav").toString(), "-c", "copy",
				looped.toString())
			.inheritIO()
			.start();
		assertThat(ffmpeg.waitFor()).isZero();
		double clipSeconds = AudioDecoders.detect().decode(SAMPLE.resolve("sample.wav")).durationSeconds();
		List<SpeakerTurn> clipReference = RttmFiles.read(SAMPLE.resolve("sample.rttm")).get("sample");
		List<SpeakerTurn> reference = new ArrayList<>();
		for (int copy = 0; copy < COPIES; copy++) {
			for (SpeakerTurn turn : clipReference) {
				reference.add(new SpeakerTurn(turn.start() + copy * clipSeconds, turn.end() + copy * clipSeconds,
						turn.speaker()));
			}
		}
		DiarizationProperties defaults = DiarizationProperties.defaults();
		DiarizationProperties bounded = defaults.withClustering(defaults.clustering().withMaxWindows(150));
		try (Diarizer diarizer = Diarizer.create(bounded)) {
			DiarizationDocument streamed = diarizer.diarize(looped, null, null);
			DerResult der = new DiarizationErrorRate().compute(reference, streamed.turns(), null);
			System.out.println("pyannote sample looped " + COPIES + " times, streamed: " + der + ", speakers "
					+ streamed.speakers());

			assertThat(streamed.durationSeconds()).isGreaterThan(AudioBlocks.SECONDS)
				.isCloseTo(COPIES * clipSeconds, org.assertj.core.data.Offset.offset(0.5));
			assertThat(streamed.speakers()).hasSize(2);
			assertThat(der.der()).isLessThan(0.08);
			assertThat(streamed.speakerEmbeddings()).containsOnlyKeys(streamed.speakers());

			// the same audio held in memory goes through the same stretches and gives the
			// same turns
			Audio inMemory = AudioDecoders.detect().decode(looped);
			assertThat(diarizer.diarize(inMemory, null, null).turns()).isEqualTo(streamed.turns());
		}
	}

	/**
	 * Length must not make one voice into two: the 60 s Russian reading looped to 6
	 * minutes is one speaker (its windows separate more "significantly" the more there
	 * are of them: 3.5 for the minute, 21 for the loop, but their two groups stay as
	 * close as one voice's: 0.13 on the calibrated scale), while the two people of AMI
	 * dev00 looped to 6 minutes stay two.
	 */
	@Test
	void aLongMonologueStaysOneSpeakerAndALongMeetingOfTwoStaysTwo(@TempDir Path dir) throws Exception {
		Path shared = Path.of(System.getProperty("aigenda.shared"), "eval-dev");
		try (Diarizer diarizer = Diarizer.withDefaults()) {
			DiarizationDocument monologue = diarizer
				.diarize(loop(shared.resolve("asr/ru/long_ru_60s_noref.wav"), 6, dir.resolve("ru.wav")), null, null);
			DiarizationDocument meeting = diarizer
				.diarize(loop(shared.resolve("diarization/ami_dev/dev00.wav"), 6, dir.resolve("ami.wav")), null, null);
			System.out.println("6 minutes of one voice: " + monologue.speakers() + "; 6 minutes of AMI dev00: "
					+ meeting.speakers());

			assertThat(monologue.durationSeconds()).isGreaterThan(350);
			assertThat(monologue.speakers()).hasSize(1);
			assertThat(meeting.speakers()).hasSize(2);
		}
	}

	private static Path loop(Path clip, int copies, Path looped) throws Exception {
		Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-stream_loop",
				String.valueOf(copies - 1), "-i", clip.toString(), "-c", "copy", looped.toString())
			.inheritIO()
			.start();
		assertThat(ffmpeg.waitFor()).isZero();
		return looped;
	}

}
