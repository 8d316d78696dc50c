package io.aigenda.app.platform;

/** The platform could not start; the message is a one-line reason for users. */
public class PlatformException extends RuntimeException {

	public PlatformException(String message, Throwable cause) {
		super(message, cause);
	}

	public PlatformException(String message) {
		super(message);
	}

}
