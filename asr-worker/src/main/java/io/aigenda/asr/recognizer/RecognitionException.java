package io.aigenda.asr.recognizer;

/**
 * The engine failed on a piece of audio it accepted; the message is one line for users.
 */
public class RecognitionException extends RuntimeException {

	public RecognitionException(String message) {
		super(message);
	}

	public RecognitionException(String message, Throwable cause) {
		super(message, cause);
	}

}
