package io.aigenda.contracts;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LanguageTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void codesParseWhateverTheirCaseOrRegion() {
		assertThat(Language.parse("en")).isEqualTo(Language.EN);
		assertThat(Language.parse("RU")).isEqualTo(Language.RU);
		assertThat(Language.parse(" Auto ")).isEqualTo(Language.AUTO);
		assertThat(Language.parse("en-US")).isEqualTo(Language.EN);
		assertThat(Language.parse("ru_RU")).isEqualTo(Language.RU);
	}

	@Test
	void aMissingOrBlankCodeLeavesTheLanguageOpen() {
		assertThat(Language.parse(null)).isEqualTo(Language.AUTO);
		assertThat(Language.parse("")).isEqualTo(Language.AUTO);
		assertThat(Language.parse("  ")).isEqualTo(Language.AUTO);
	}

	@Test
	void anUnsupportedCodeIsRefusedNamingTheSupportedOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> Language.parse("de"))
			.withMessage("Unknown language 'de' (use en, ru or auto)");
		assertThatIllegalArgumentException().isThrownBy(() -> Language.parse("english"))
			.withMessageContaining("'english'");
	}

	@Test
	void onTheWireALanguageIsItsLowerCaseCode() {
		Instant deadline = Instant.parse("2025-01-01T00:00:00Z");
		UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
		Transcribe command = new Transcribe(id, id, 1, deadline, "http://a", Language.RU, "http://b", "key");
		String text = this.json.writeValueAsString(command);
		assertThat(text).contains("\"language\":\"ru\"");
		assertThat(this.json.readValue(text, Transcribe.class)).isEqualTo(command);
		for (Language language : Language.values()) {
			String quoted = this.json.writeValueAsString(language);
			assertThat(quoted).isEqualTo("\"" + language.code() + "\"");
			assertThat(this.json.readValue(quoted, Language.class)).isEqualTo(language);
		}
	}

	@Test
	void messagesThatLeaveTheLanguageOutOrBlankAskForAuto() {
		String withoutLanguage = """
				{"meetingId":"00000000-0000-0000-0000-000000000001","organisationId":"00000000-0000-0000-0000-000000000002",
				 "audioKey":"k","originalFilename":"a.wav"}""";
		assertThat(this.json.readValue(withoutLanguage, ProcessMeeting.class).language()).isEqualTo(Language.AUTO);
		assertThat(
				this.json.readValue("{\"language\":null,\"durationSeconds\":1}", TranscriptDocument.class).language())
			.isEqualTo(Language.AUTO);
		assertThat(this.json.readValue("{\"language\":\"\",\"durationSeconds\":1}", MeetingTranscript.class).language())
			.isEqualTo(Language.AUTO);
		assertThat(this.json.readValue("{\"attempt\":1,\"language\":\"EN\"}", WriteMinutes.class).language())
			.isEqualTo(Language.EN);
	}

	@Test
	void aMessageWithAnUnsupportedLanguageFailsToReadWithTheReason() {
		assertThatThrownBy(() -> this.json.readValue("{\"attempt\":1,\"language\":\"de\"}", Transcribe.class))
			.isInstanceOf(DatabindException.class)
			.hasRootCauseInstanceOf(IllegalArgumentException.class)
			.hasRootCauseMessage("Unknown language 'de' (use en, ru or auto)");
	}

	@Test
	void aStepWorksInTheDetectedLanguageWhenThereIsOne() {
		assertThat(Language.decide(Language.RU, Language.EN)).isEqualTo(Language.RU);
		assertThat(Language.decide(Language.EN, Language.AUTO)).isEqualTo(Language.EN);
	}

	@Test
	void aStepWorksInTheRequestedLanguageWhenNothingWasDetected() {
		assertThat(Language.decide(Language.AUTO, Language.RU)).isEqualTo(Language.RU);
		assertThat(Language.decide(null, Language.EN)).isEqualTo(Language.EN);
		assertThat(Language.decide(Language.AUTO, Language.AUTO)).isEqualTo(Language.AUTO);
		assertThat(Language.decide(null, null)).isEqualTo(Language.AUTO);
	}

}
