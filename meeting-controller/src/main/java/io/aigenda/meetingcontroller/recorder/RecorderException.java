package io.aigenda.meetingcontroller.recorder;

/** A recorder could not be provisioned. */
public class RecorderException extends RuntimeException {

	private final boolean retryable;

	public RecorderException(String message, boolean retryable, Throwable cause) {
		super(message, cause);
		this.retryable = retryable;
	}

	/**
	 * Whether trying again later may succeed (quota freed, API back), as opposed to a bad
	 * set-up.
	 */
	public boolean retryable() {
		return this.retryable;
	}

}
