package io.aigenda.mlcontroller.pipeline;

import java.util.UUID;

import io.aigenda.contracts.StepKind;
import io.aigenda.messaging.UnprocessableMessageException;

/**
 * A worker answered for a step this controller never dispatched: its pipeline store does
 * not know the meeting. Another controller sends work to the same queues (two platforms
 * on one broker namespace), or this controller's store was replaced. Acknowledging the
 * event would lose it for the controller that waits for it, so the listener's recoverer
 * dead-letters it with this reason.
 */
public class UnknownStepException extends UnprocessableMessageException {

	UnknownStepException(String event, UUID stepId, StepKind kind, UUID meetingId) {
		super(event + " for step " + stepId + " (" + kind + ") of meeting " + meetingId
				+ ", which this ml-controller never dispatched: another controller uses the same queues, "
				+ "or this controller's pipeline store was replaced");
	}

}
