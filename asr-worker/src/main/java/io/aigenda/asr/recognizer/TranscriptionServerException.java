package io.aigenda.asr.recognizer;

/**
 * The transcription server could not answer now (no connection, a timeout, a 5xx or 429
 * status). Not declared permanent, so the step is retried with backoff; the message is
 * one line for the people who run the server.
 */
public class TranscriptionServerException extends RuntimeException {

	public TranscriptionServerException(String message) {
		super(message);
	}

	public TranscriptionServerException(String message, Throwable cause) {
		super(message, cause);
	}

}
