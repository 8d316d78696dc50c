package io.aigenda.mlcontroller.search;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import io.aigenda.mlcontroller.MlControllerProperties;
import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchControllerTest {

	private static MlControllerProperties withToken(String token) {
		return new MlControllerProperties(URI.create("http://127.0.0.1:1"), token,
				new MlControllerProperties.Deadlines(Duration.ofMinutes(1), Duration.ofMinutes(1),
						Duration.ofMinutes(1), new MlControllerProperties.PerAudioSecond(0, 0, 0), Duration.ZERO),
				3, Duration.ofSeconds(5), null, Duration.ofMinutes(5), Duration.ofSeconds(5));
	}

	@Test
	void onlyTheServiceTokenMaySearch() {
		SearchController controller = new SearchController(null, withToken("s3cret"));

		assertThatCode(() -> controller.authenticate("Bearer s3cret")).doesNotThrowAnyException();
		assertThatThrownBy(() -> controller.authenticate("Bearer guess")).isInstanceOf(ResponseStatusException.class)
			.hasMessageContaining("401");
		assertThatThrownBy(() -> controller.authenticate(null)).isInstanceOf(ResponseStatusException.class);
		assertThatThrownBy(() -> controller.search(null, UUID.randomUUID(), "q", 5))
			.isInstanceOf(ResponseStatusException.class);
	}

	@Test
	void noTokenConfiguredMeansNoSearchAtAll() {
		SearchController controller = new SearchController(null, withToken(""));

		assertThatThrownBy(() -> controller.authenticate("Bearer ")).isInstanceOf(ResponseStatusException.class);
	}

}
