package io.aigenda.llm.generative;

import java.util.List;

/**
 * A chat language model that answers with text, constrained to a JSON schema where it can
 * be.
 */
public interface ChatModel extends AutoCloseable {

	/** Engine name stored in the minutes: {@code openai} or {@code llama}. */
	String engine();

	/**
	 * The assistant's answer to the messages.
	 * @param jsonSchema the schema the answer should follow, for servers that can
	 * constrain output
	 * @throws ChatException when no complete answer came (server error, cut stream,
	 * time-out)
	 */
	String chat(List<ChatMessage> messages, String jsonSchema);

	@Override
	default void close() {
	}

}
