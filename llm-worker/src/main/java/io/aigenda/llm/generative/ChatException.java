package io.aigenda.llm.generative;

/** The model gave no complete answer; the message is one line. */
public class ChatException extends RuntimeException {

	private final boolean unavailable;

	public ChatException(String message) {
		this(message, null, false);
	}

	public ChatException(String message, Throwable cause) {
		this(message, cause, false);
	}

	private ChatException(String message, Throwable cause, boolean unavailable) {
		super(message, cause);
		this.unavailable = unavailable;
	}

	/**
	 * The model cannot answer now (unreachable, timed out, a server error): asking again
	 * for the next part of the same meeting would only wait as long again.
	 */
	static ChatException unavailable(String message, Throwable cause) {
		return new ChatException(message, cause, true);
	}

	public boolean unavailable() {
		return this.unavailable;
	}

}
