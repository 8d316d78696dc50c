package io.aigenda.asr.recognizer;

/**
 * The engine has no model for the requested language. Another attempt cannot succeed
 * until an operator configures one, so the step fails without retries; the message names
 * the setting.
 */
public class UnsupportedLanguageException extends RuntimeException {

	public UnsupportedLanguageException(String message) {
		super(message);
	}

}
