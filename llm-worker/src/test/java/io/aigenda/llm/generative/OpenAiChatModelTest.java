package io.aigenda.llm.generative;

import java.time.Duration;
import java.util.List;

import io.aigenda.llm.minutes.LlmProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenAiChatModelTest {

	private static final List<ChatMessage> MESSAGES = List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hi"));

	private ReplayServer server;

	private OpenAiChatModel model;

	@BeforeEach
	void start() throws Exception {
		this.server = new ReplayServer();
		this.model = new OpenAiChatModel(new LlmProperties.OpenAi(this.server.baseUrl(), "sk-local",
				"mistral-7b-instruct", true, Duration.ofSeconds(10), 0.2, 800));
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void streamedAnswerIsJoinedAndTheSchemaConstrainsTheOutput() {
		this.server.stream("{\"summary\": \"Привет, мир\"}");

		assertThat(this.model.chat(MESSAGES, Drafts.summarySchema())).isEqualTo("{\"summary\": \"Привет, мир\"}");
		JsonNode request = this.server.requests().get(0);
		assertThat(request.get("model").asString()).isEqualTo("mistral-7b-instruct");
		assertThat(request.get("stream").asBoolean()).isTrue();
		assertThat(request.get("max_tokens").asInt()).isEqualTo(800);
		assertThat(request.at("/messages/0/role").asString()).isEqualTo("system");
		assertThat(request.at("/response_format/type").asString()).isEqualTo("json_schema");
		assertThat(request.at("/response_format/json_schema/schema/required/0").asString()).isEqualTo("summary");
		assertThat(this.server.authorizations()).containsExactly("Bearer sk-local");
	}

	@Test
	void llamaServerStreamWithUsageChunkIsReadExactly() {
		this.server.llamaServer("{\"summary\": \"Релиз в пятницу\"}");

		assertThat(this.model.chat(MESSAGES, Drafts.summarySchema())).isEqualTo("{\"summary\": \"Релиз в пятницу\"}");
	}

	@Test
	void serverWithoutJsonSchemaSupportIsAskedAgainWithout() {
		this.server
			.reply(new ReplayServer.Reply(400, "application/json",
					"{\"error\":{\"message\":\"response_format of type json_schema is not supported by this model\","
							+ "\"type\":\"invalid_request_error\",\"param\":\"response_format\",\"code\":null}}"))
			.stream("{}")
			.stream("{}");

		assertThat(this.model.chat(MESSAGES, Drafts.summarySchema())).isEqualTo("{}");
		assertThat(this.model.chat(MESSAGES, Drafts.summarySchema())).isEqualTo("{}");
		List<JsonNode> requests = this.server.requests();
		assertThat(requests).hasSize(3);
		assertThat(requests.get(0).has("response_format")).isTrue();
		assertThat(requests.get(1).has("response_format")).isFalse();
		assertThat(requests.get(2).has("response_format")).isFalse();
	}

	@Test
	void nonStreamedCompletionIsRead() {
		this.server.completion("{\"summary\": \"ok\"}");

		assertThat(this.model.chat(MESSAGES, null)).isEqualTo("{\"summary\": \"ok\"}");
		assertThat(this.server.requests().get(0).has("response_format")).isFalse();
	}

	@Test
	void truncatedStreamIsAnError() {
		this.server.reply(new ReplayServer.Reply(200, "text/event-stream",
				ReplayServer.sse("{\"summary\": \"the meet", false, null)));

		assertThatThrownBy(() -> this.model.chat(MESSAGES, null)).isInstanceOf(ChatException.class)
			.hasMessageContaining("ended before the model finished");
	}

	@Test
	void answerCutAtTheTokenLimitIsAnError() {
		this.server.reply(new ReplayServer.Reply(200, "text/event-stream",
				ReplayServer.sse("{\"summary\": \"the", true, "length")));

		assertThatThrownBy(() -> this.model.chat(MESSAGES, null)).isInstanceOf(ChatException.class)
			.hasMessageContaining("token limit");
	}

	@Test
	void malformedEventIsAnError() {
		this.server.reply(new ReplayServer.Reply(200, "text/event-stream",
				"data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"{\"}\n\n"));

		assertThatThrownBy(() -> this.model.chat(MESSAGES, null)).isInstanceOf(ChatException.class)
			.hasMessageContaining("malformed JSON");
	}

	@Test
	void serverErrorIsAnErrorWithTheStatus() {
		this.server.reply(new ReplayServer.Reply(503, "application/json",
				"{\"error\":{\"message\":\"The server is overloaded\",\"type\":\"server_error\"}}"));

		assertThatThrownBy(() -> this.model.chat(MESSAGES, null)).isInstanceOf(ChatException.class)
			.hasMessageContaining("HTTP 503")
			.hasMessageContaining("overloaded");
	}

	@Test
	void unreachableServerIsAnError() {
		OpenAiChatModel nowhere = new OpenAiChatModel(
				new LlmProperties.OpenAi("http://127.0.0.1:1/v1", "", "m", true, Duration.ofSeconds(2), 0.2, 10));

		assertThatThrownBy(() -> nowhere.chat(MESSAGES, null)).isInstanceOf(ChatException.class)
			.hasMessageContaining("Cannot reach");
	}

}
