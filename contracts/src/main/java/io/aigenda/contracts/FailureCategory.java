package io.aigenda.contracts;

/**
 * What kind of failure ended a step, as the worker that classified it says: a small fixed
 * set, so dashboards and alerts count failures by a field instead of by searching free
 * text.
 */
public enum FailureCategory {

	/** A transfer or a step ran out of time. */
	TIMEOUT,

	/** A download or upload through a presigned URL failed. */
	TRANSFER,

	/** The recording cannot be decoded. */
	AUDIO,

	/** No installed model serves the meeting's language. */
	LANGUAGE,

	/** A model or engine failed, or produced output that is not usable. */
	MODEL,

	/** Anything else, and every failure from a sender that did not classify it. */
	OTHER

}
