package io.aigenda.asr.eval;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import io.aigenda.asr.AsrProperties;
import io.aigenda.asr.EvalDev;
import io.aigenda.asr.Transcriber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accuracy of the default engine (Vosk, bundled small English model) on the English
 * eval-dev recordings. Run alone to see the numbers:
 * {@code ./mvnw -pl asr-worker test -Dtest=AsrEvaluationTests}.
 */
class AsrEvaluationTests {

	@Test
	void defaultEngineTranscribesEnglishRecordingsWithWerBelowFifteenPercent() {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		AsrEvaluation.Report report;
		try (Transcriber transcriber = Transcriber.create(AsrProperties.defaults());
				PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
			report = new AsrEvaluation(transcriber, out).evaluate(List.of(EvalDev.shared("eval-dev/asr/en")), null);
		}
		String output = printed.toString(StandardCharsets.UTF_8);
		System.out.print(output);

		assertThat(report.files()).extracting(result -> result.file().getFileName().toString())
			.containsExactly("2412-153948-0000.flac", "jfk.wav");
		assertThat(report.files()).allSatisfy(result -> {
			assertThat(result.errors().referenceWords()).isPositive();
			assertThat(result.wer()).as("WER of %s", result.file().getFileName()).isLessThan(0.15);
			assertThat(result.realTimeFactor()).isPositive();
		});
		assertThat(report.errors().referenceWords()).isEqualTo(22 + 36);
		assertThat(report.wer()).isLessThan(0.15);
		assertThat(output).contains("jfk.wav: WER", "2412-153948-0000.flac: WER", "overall: WER");
	}

	@Test
	void onlyAudioWithAReferenceIsEvaluated() {
		Path english = EvalDev.shared("eval-dev/asr/en");
		Path russian = EvalDev.shared("eval-dev/asr/ru");

		List<Path> files = AsrEvaluation.referencedAudio(List.of(english, russian));

		// long_ru_60s_noref.wav has no .txt; the licence and reference files are not
		// audio
		assertThat(files).extracting(file -> file.getFileName().toString())
			.containsExactly("2412-153948-0000.flac", "jfk.wav", "test_sound_ru.wav");
	}

}
