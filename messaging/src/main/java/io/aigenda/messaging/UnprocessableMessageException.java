package io.aigenda.messaging;

/**
 * A message that no delivery can handle (it names something this service does not have):
 * dead-lettered at once with this exception's message as the reason, without the retries
 * a failure that may pass gets.
 */
public class UnprocessableMessageException extends RuntimeException {

	public UnprocessableMessageException(String message) {
		super(message);
	}

}
