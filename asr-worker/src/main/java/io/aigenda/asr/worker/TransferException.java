package io.aigenda.asr.worker;

/** A download or upload through a presigned URL failed; usually worth another attempt. */
class TransferException extends Exception {

	private final boolean retryable;

	TransferException(String message, boolean retryable) {
		super(message);
		this.retryable = retryable;
	}

	TransferException(String message, Throwable cause) {
		super(message, cause);
		this.retryable = true;
	}

	boolean retryable() {
		return this.retryable;
	}

}
