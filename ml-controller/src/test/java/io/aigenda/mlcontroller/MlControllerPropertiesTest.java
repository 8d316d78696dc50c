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
		assertThat(properties.deadline(StepKind.TRANSCRIBE)).isEqualTo(Duration.ofMinutes(30));
		assertThat(properties.deadline(StepKind.WRITE_MINUTES)).isEqualTo(Duration.ofMinutes(10));
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
		MlControllerProperties properties = bind(Map.of("aigenda.ml-controller.deadlines.write-minutes", "90s"));

		assertThat(properties.deadline(StepKind.WRITE_MINUTES)).isEqualTo(Duration.ofSeconds(90));
		assertThat(properties.deadline(StepKind.DIARIZE)).isEqualTo(Duration.ofMinutes(30));
	}

	private static MlControllerProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("aigenda.ml-controller",
				MlControllerProperties.class);
	}

}
