package io.aigenda.backend.transcript;

import io.aigenda.contracts.MinutesSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class FoundFlagsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void editedMinutesSayWhetherDecisionsAndActionItemsRemain() {
		// the web app sends back the flags it was given, now stale: the last item was
		// removed
		String edited = """
				{"language":"en","engine":"extractive","summary":"","topics":[],
				 "decisions":[{"text":"Ship on Friday","speaker":"S1","start":12.5}],"actionItems":[],
				 "warnings":[],"decisionsFound":false,"actionItemsFound":true}""";

		JsonNode flagged = JSON.readTree(FoundFlags.of(edited));

		assertThat(flagged.path("decisionsFound").asBoolean()).isTrue();
		assertThat(flagged.path("actionItemsFound").asBoolean(true)).isFalse();
		assertThat(flagged.path("decisions").get(0).path("text").asString()).isEqualTo("Ship on Friday");
		assertThat(MinutesSchema.validate(flagged.toString())).isEmpty();
	}

}
