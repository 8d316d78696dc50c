package io.aigenda.diarization.eval;

import java.nio.file.Path;
import java.util.List;

import io.aigenda.diarization.Diarizer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DiarizationEvaluationTest {

	private static final Path DATA = Path.of(System.getProperty("aigenda.shared"), "eval-dev/diarization");

	@Test
	void commandReportsEachRecordingAndThePooledDer() {
		try (Diarizer diarizer = Diarizer.withDefaults()) {
			String report = DiarizationEvaluation.evaluate(diarizer, DATA.resolve("ami_dev/debug.development.rttm"),
					DATA.resolve("ami_dev/debug.development.uem"), 0.25,
					List.of(DATA.resolve("ami_dev/dev00.wav"), DATA.resolve("ami_dev/dev01.wav")));
			System.out.println(report);
			assertThat(report.lines()).hasSize(3);
			assertThat(report).contains("dev00: DER ", "dev01: DER ", "pooled (collar 0.25 s): DER ");
		}
	}

	@Test
	void recordingWithoutReferenceIsRefusedByName() {
		try (Diarizer diarizer = Diarizer.withDefaults()) {
			assertThatIllegalArgumentException()
				.isThrownBy(
						() -> DiarizationEvaluation.evaluate(diarizer, DATA.resolve("ami_dev/debug.development.rttm"),
								null, 0.25, List.of(DATA.resolve("pyannote_sample/sample.wav"))))
				.withMessageContaining("'sample'");
		}
	}

}
