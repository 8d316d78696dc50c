package io.aigenda.app.client;

/**
 * The backend refused a request or could not be reached; the message is one line for
 * users.
 */
public class ApiException extends RuntimeException {

	private final int status;

	public ApiException(int status, String message) {
		super(message);
		this.status = status;
	}

	public ApiException(String message, Throwable cause) {
		super(message, cause);
		this.status = 0;
	}

	/** HTTP status, 0 when there was no answer. */
	public int status() {
		return this.status;
	}

}
