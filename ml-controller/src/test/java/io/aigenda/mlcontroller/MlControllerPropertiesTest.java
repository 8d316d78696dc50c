package io.aigenda.mlcontroller;

import java.time.Duration;
import java.util.Map;

import io.aigenda.contracts.StepKind;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class MlControllerPropertiesTest {

	@Test
	void defaultsWorkOnOneMachine() {
		MlControllerProperties properties = bind(Map.of());

		assertThat(properties.backendUrl()).hasToString("http://127.0.0.1:8080");
		assertThat(properties.maxAttempts()).isEqualTo(3);
		assertThat(properties.deadline(StepKind.TRANSCRIBE, 60.0)).isEqualTo(Duration.ofMinutes(11));
		assertThat(properties.deadline(StepKind.WRITE_MINUTES, 60.0)).isEqualTo(Duration.ofSeconds(615));
		assertThat(properties.scanInterval()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void backoffGrowsPerAttemptUpToTheMaximum() {
		MlControllerProperties properties = bind(Map.of("aigenda.ml-controller.retry-backoff.diarize", "3s",
				"aigenda.ml-controller.retry-backoff.max", "10s"));

		assertThat(properties.backoff(StepKind.DIARIZE, 1)).isEqualTo(Duration.ofSeconds(3));
		assertThat(properties.backoff(StepKind.DIARIZE, 2)).isEqualTo(Duration.ofSeconds(6));
		assertThat(properties.backoff(StepKind.DIARIZE, 3)).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.backoff(StepKind.TRANSCRIBE, 1)).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void deadlinesAreSetPerStepKind() {
		MlControllerProperties properties = bind(Map.of("aigenda.ml-controller.deadlines.write-minutes", "90s",
				"aigenda.ml-controller.deadlines.per-audio-second.write-minutes", "0"));

		assertThat(properties.deadline(StepKind.WRITE_MINUTES, 3600.0)).isEqualTo(Duration.ofSeconds(90));
		assertThat(properties.deadline(StepKind.DIARIZE, 60.0)).isEqualTo(Duration.ofSeconds(630));
	}

	@Test
	void deadlinesGrowWithTheRecordingsLength() {
		MlControllerProperties properties = bind(Map.of());

		// an hour-long meeting: well past the old flat 30 minutes for transcription
		assertThat(properties.deadline(StepKind.TRANSCRIBE, 3600.0)).isEqualTo(Duration.ofMinutes(70));
		assertThat(properties.deadline(StepKind.DIARIZE, 3600.0)).isEqualTo(Duration.ofMinutes(40));
		assertThat(properties.deadline(StepKind.WRITE_MINUTES, 3600.0)).isEqualTo(Duration.ofMinutes(25));
		// a one-minute clip lost with a dead worker is sent again within minutes
		assertThat(properties.deadline(StepKind.TRANSCRIBE, 60.0)).isEqualTo(Duration.ofMinutes(11));
		// a length nobody knows counts as half an hour
		assertThat(properties.deadline(StepKind.TRANSCRIBE, null)).isEqualTo(Duration.ofMinutes(40));
	}

	private static MlControllerProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("aigenda.ml-controller",
				MlControllerProperties.class);
	}

}
