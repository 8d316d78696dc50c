package io.aigenda.contracts.internal;

/**
 * A call of {@link InternalApiClient} that did not succeed: the peer answered with an
 * error (its status and the one-line reason of its RFC 9457 problem details), its answer
 * could not be read, or no answer came at all (status 0: refused, timed out,
 * interrupted).
 */
public class InternalApiException extends RuntimeException {

	private final int status;

	private final String reason;

	private final String problemType;

	InternalApiException(String call, int status, String reason, String problemType, Throwable cause) {
		super(call + ((status == 0) ? " failed: " : " answered " + status + ": ") + reason, cause);
		this.status = status;
		this.reason = reason;
		this.problemType = problemType;
	}

	/** The HTTP status of the answer, or 0 when no answer came. */
	public int status() {
		return this.status;
	}

	/**
	 * Why, in one line: the problem's {@code detail} (or {@code title}) where it has one.
	 */
	public String reason() {
		return this.reason;
	}

	/** The problem's {@code type} URI, or {@code null} when the answer had none. */
	public String problemType() {
		return this.problemType;
	}

	/**
	 * Whether the same call may succeed later: no answer, a timeout or overload (408,
	 * 429), or a server error. A refusal (other 4xx) stays a refusal.
	 */
	public boolean retryable() {
		return this.status == 0 || this.status == 408 || this.status == 429 || this.status >= 500;
	}

}
