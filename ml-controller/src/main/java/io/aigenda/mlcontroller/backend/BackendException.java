package io.aigenda.mlcontroller.backend;

/**
 * A call to the backend or a transfer through a presigned URL failed; the message says
 * how.
 */
public class BackendException extends RuntimeException {

	BackendException(String message) {
		super(message);
	}

	BackendException(String message, Throwable cause) {
		super(message, cause);
	}

}
