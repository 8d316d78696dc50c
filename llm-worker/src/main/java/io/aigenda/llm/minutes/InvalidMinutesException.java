package io.aigenda.llm.minutes;

/** A writer produced minutes that do not match the schema; the message is one line. */
public class InvalidMinutesException extends RuntimeException {

	public InvalidMinutesException(String message) {
		super(message);
	}

}
