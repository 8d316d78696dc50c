package io.aigenda.mlcontroller.pipeline;

/** Where one step of a pipeline stands; attempts of a step share its row. */
enum StepState {

	/** Sent to a worker; an answer is expected before the deadline. */
	DISPATCHED,

	DONE,

	FAILED,

	/** A retryable failure; dispatched again at {@code next_attempt_at}. */
	RETRY_WAIT

}
