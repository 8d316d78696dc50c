package io.aigenda.backend.language;

import java.net.http.HttpResponse;

import io.aigenda.backend.BackendIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class LanguagesIntegrationTests extends BackendIntegrationTest {

	@Test
	void englishIsAvailableAndRussianNamesItsFix() {
		HttpResponse<String> response = get("/api/v1/languages", ADMIN_TOKEN);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode languages = body(response).path("languages");
		assertThat(languages.size()).isEqualTo(2);
		assertThat(languages.get(0).path("code").asString()).isEqualTo("en");
		assertThat(languages.get(0).path("available").asBoolean()).isTrue();
		assertThat(languages.get(0).path("fix").isNull()).isTrue();
		assertThat(languages.get(1).path("code").asString()).isEqualTo("ru");
		assertThat(languages.get(1).path("available").asBoolean()).isFalse();
		assertThat(languages.get(1).path("fix").asString()).contains("vosk-model-small-ru", "MODEL_DIRS_RU");
	}

	@Test
	void anonymousCallersAreRefused() {
		assertThat(get("/api/v1/languages", null).statusCode()).isEqualTo(401);
	}

}
