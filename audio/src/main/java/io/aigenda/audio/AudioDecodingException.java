package io.aigenda.audio;

/**
 * A recording cannot be decoded. The message is meant for users: one line, no internals.
 */
public class AudioDecodingException extends RuntimeException {

	public AudioDecodingException(String message) {
		super(message);
	}

	public AudioDecodingException(String message, Throwable cause) {
		super(message, cause);
	}

}
