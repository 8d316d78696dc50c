package io.aigenda.contracts;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class MinutesSchemaTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void minutesRecordSerialisesToAValidDocument() {
		Minutes minutes = new Minutes(Language.EN, "extractive", "We agreed to ship.",
				List.of(new Minutes.Topic("Release", 0, 30, null)),
				List.of(new Minutes.Decision("Ship on Friday", "S1", 12.5)),
				List.of(new Minutes.ActionItem("I will write the notes", "S2", "Friday", "S2", 20)), List.of());
		assertThat(MinutesSchema.validate(this.json.writeValueAsString(minutes))).isEmpty();
	}

	@Test
	void minutesSayWhenNoDecisionOrActionItemWasFound() {
		Minutes none = new Minutes(Language.RU, "extractive", "Обсудили план.", List.of(), List.of(), List.of(),
				List.of());
		Minutes some = new Minutes(Language.EN, "extractive", "We agreed to ship.", List.of(),
				List.of(new Minutes.Decision("Ship on Friday", "S1", 12.5)), List.of(), List.of());

		JsonNode noneJson = this.json.readTree(this.json.writeValueAsString(none));
		JsonNode someJson = this.json.readTree(this.json.writeValueAsString(some));

		assertThat(noneJson.path(Minutes.DECISIONS_FOUND).isBoolean()).isTrue();
		assertThat(noneJson.path(Minutes.DECISIONS_FOUND).asBoolean()).isFalse();
		assertThat(noneJson.path(Minutes.ACTION_ITEMS_FOUND).asBoolean(true)).isFalse();
		assertThat(someJson.path(Minutes.DECISIONS_FOUND).asBoolean()).isTrue();
		assertThat(someJson.path(Minutes.ACTION_ITEMS_FOUND).asBoolean(true)).isFalse();
		assertThat(MinutesSchema.validate(noneJson.toString())).isEmpty();
		// minutes written before the flags existed stay valid, and read back the same
		assertThat(MinutesSchema.validate("{\"language\":\"en\",\"engine\":\"extractive\",\"summary\":\"\","
				+ "\"topics\":[],\"decisions\":[],\"actionItems\":[],\"warnings\":[]}"))
			.isEmpty();
		assertThat(this.json.readValue(noneJson.toString(), Minutes.class)).isEqualTo(none);
		assertThat(MinutesSchema
			.validate(noneJson.toString().replace("\"decisionsFound\":false", "\"decisionsFound\":\"no\"")))
			.isNotEmpty();
	}

	@Test
	void missingFieldsAndUnknownLanguageAreReported() {
		List<String> errors = MinutesSchema.validate("{\"language\":\"de\",\"summary\":1}");
		assertThat(errors).isNotEmpty();
		assertThat(String.join("\n", errors)).contains("language").contains("summary").contains("topics");
	}

	@Test
	void messageTypesRoundTrip() {
		assertThat(MessageTypes.classOf(MessageTypes.idOf(Transcribe.class))).contains(Transcribe.class);
		assertThat(MessageTypes.classOf("java.lang.Runtime")).isEmpty();
	}

}
