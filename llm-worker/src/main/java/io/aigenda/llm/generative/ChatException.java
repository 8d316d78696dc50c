package io.aigenda.llm.generative;

/** The model gave no complete answer; the message is one line. */
public class ChatException extends RuntimeException {

	public ChatException(String message) {
		super(message);
	}

	public ChatException(String message, Throwable cause) {
		super(message, cause);
	}

}
