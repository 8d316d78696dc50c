package io.aigenda.asr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.aigenda.asr.eval.WordErrorRate;
import io.aigenda.audio.AudioDecodingException;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.TranscriptDocument;
import io.aigenda.contracts.Word;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The long-form pipeline with the default engine (Vosk, bundled English model) on real
 * recordings.
 */
class TranscriberTests {

	private static Transcriber transcriber;

	@BeforeAll
	static void createTranscriber() {
		transcriber = Transcriber.create(AsrProperties.defaults());
	}

	@AfterAll
	static void closeTranscriber() {
		transcriber.close();
	}

	@Test
	void mp3RecordingIsTranscribedAccurately() throws IOException {
		TranscriptDocument document = transcriber.transcribe(EvalDev.shared("eval-dev/containers/jfk.mp3"), Language.EN,
				ProgressListener.none());

		String reference = Files.readString(EvalDev.shared("eval-dev/asr/en/jfk.txt"));
		WordErrorRate.Result errors = WordErrorRate.compute(reference, text(document));
		System.out.printf("jfk.mp3 WER %.2f%% (%s)%n", errors.wer() * 100, errors);
		assertThat(errors.wer()).isLessThan(0.15);
		assertThat(document.engine()).isEqualTo("vosk");
		assertThat(document.language()).isEqualTo(Language.EN);
		assertThat(document.durationSeconds()).isCloseTo(11.0, within(0.2));
	}

	@Test
	void wordTimesFollowTheSpeechAndStayInsideTheRecording() {
		TranscriptDocument document = transcriber.transcribe(EvalDev.shared("eval-dev/asr/en/jfk.wav"), null,
				ProgressListener.none());

		assertThat(document.words()).isNotEmpty();
		double previousStart = -1;
		for (Word word : document.words()) {
			assertThat(word.start()).isGreaterThanOrEqualTo(previousStart);
			assertThat(word.end()).isGreaterThanOrEqualTo(word.start());
			assertThat(word.end()).isLessThanOrEqualTo(document.durationSeconds());
			assertThat(word.confidence()).isBetween(0.0, 1.0);
			assertThat(word.speaker()).isNull();
			previousStart = word.start();
		}
		// "And so my fellow Americans" starts after a short pause; "country" ends the
		// recording.
		assertThat(document.words().get(0).start()).isBetween(0.1, 1.0);
		assertThat(document.words().getLast().text()).isEqualTo("country");
		assertThat(document.words().getLast().end()).isBetween(9.5, 11.0);
		assertThat(document.language()).as("no language requested: the default").isEqualTo(Language.EN);
	}

	@Test
	void oggOpusRecordingIsDecodedAndTranscribed() {
		Path file = EvalDev.shared("eval-dev/containers/silero_test.opus");
		TranscriptDocument document = transcriber.transcribe(file, Language.EN, ProgressListener.none());

		// 48 kHz Opus decoded to 16 kHz: the clip holds clicks and noise rather than
		// words.
		assertThat(document.durationSeconds()).isCloseTo(8.07, within(0.2));
		assertThat(document.engine()).isEqualTo("vosk");
		assertThat(document.words())
			.allSatisfy(word -> assertThat(word.end()).isLessThanOrEqualTo(document.durationSeconds()));
	}

	@Test
	void m4aRecordingIsTranscribed() {
		Path file = EvalDev.shared("eval-dev/containers/pisets_test_mpeg.m4a");
		// Russian speech (48 kHz stereo AAC); the bundled English model still finds words
		// in it.
		TranscriptDocument document = transcriber.transcribe(file, Language.EN, ProgressListener.none());

		assertThat(document.durationSeconds()).isCloseTo(3.6, within(0.2));
		assertThat(document.words()).isNotEmpty();
	}

	@Test
	void videoWithoutSpeechGivesAnEmptyTranscript() {
		Path file = EvalDev.shared("eval-dev/containers/lhotse_big_buck_bunny_small_nonspeech.mp4");
		List<Double> progress = new ArrayList<>();

		TranscriptDocument document = transcriber.transcribe(file, Language.EN,
				(fraction, message) -> progress.add(fraction));

		assertThat(document.words()).isEmpty();
		assertThat(document.durationSeconds()).isCloseTo(5.3, within(0.2));
		assertThat(progress).endsWith(1.0);
	}

	@Test
	void progressIsReportedAfterEachChunk() {
		List<Double> progress = new ArrayList<>();
		Path file = EvalDev.shared("eval-dev/asr/ru/long_ru_60s_noref.wav");

		// 60 s of speech cannot fit one 30 s chunk; the bundled English model stands in
		// for Russian here.
		Transcription transcription = transcriber.transcribeMeasured(file, Language.EN,
				(fraction, message) -> progress.add(fraction));

		assertThat(transcription.chunks()).isGreaterThanOrEqualTo(2);
		assertThat(progress).hasSize(transcription.chunks() + 1).isSorted().endsWith(1.0);
		assertThat(transcription.document().words()).isNotEmpty();
		System.out.printf(
				"60 s recording: %d chunks, real-time factor %.3f (decode %.2f s, VAD %.2f s, engine %.2f s)%n",
				transcription.chunks(), transcription.realTimeFactor(), transcription.decodeSeconds(),
				transcription.vadSeconds(), transcription.recognitionSeconds());
	}

	@Test
	void textFileIsRejectedWithAClearReason() {
		Path notAudio = EvalDev.shared("eval-dev/asr/en/jfk.txt");

		assertThatThrownBy(() -> transcriber.transcribe(notAudio, Language.EN, ProgressListener.none()))
			.isInstanceOf(AudioDecodingException.class)
			.hasMessageNotContaining("\n");
	}

	private static String text(TranscriptDocument document) {
		return String.join(" ", document.words().stream().map(Word::text).toList());
	}

}
