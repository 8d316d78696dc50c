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
		String written = this.json.writeValueAsString(minutes);
		assertThat(MinutesSchema.validate(written)).isEmpty();
		assertThat(written).doesNotContain("generator");
	}

	@Test
	void generatorOfEachPartIsOptionalAndNamesAKnownWriter() {
		Minutes minutes = new Minutes(Language.EN, "llama", "We agreed to ship.",
				List.of(new Minutes.Topic("Release", 0, 30, null, Minutes.LLM),
						new Minutes.Topic("Budget", 30, 60, null, Minutes.EXTRACTIVE)),
				List.of(new Minutes.Decision("Ship on Friday", "S1", 12.5, Minutes.LLM)), List.of(), List.of(),
				Minutes.MIXED);
		String written = this.json.writeValueAsString(minutes);
		assertThat(MinutesSchema.validate(written)).isEmpty();
		assertThat(this.json.readValue(written, Minutes.class)).isEqualTo(minutes);
		// minutes stored before the field existed still read and validate
		String older = "{\"language\":\"en\",\"engine\":\"openai\",\"summary\":\"s\",\"topics\":[{\"title\":\"t\","
				+ "\"start\":0,\"end\":1}],\"decisions\":[],\"actionItems\":[],\"warnings\":[]}";
		assertThat(MinutesSchema.validate(older)).isEmpty();
		assertThat(this.json.readValue(older, Minutes.class).topics().get(0).generator()).isNull();
		assertThat(MinutesSchema.validate(written.replace("\"mixed\"", "\"gpt\""))).isNotEmpty();
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
