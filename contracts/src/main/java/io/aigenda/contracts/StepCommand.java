package io.aigenda.contracts;

import java.time.Instant;
import java.util.UUID;

/** What every command sent to a worker carries, so handlers can be idempotent. */
public interface StepCommand {

	UUID meetingId();

	UUID stepId();

	int attempt();

	Instant deadline();

	StepKind step();

	/**
	 * Presigned PUT URL the worker stores the step's JSON result through; the command's
	 * result key names the same object.
	 */
	String resultUploadUrl();

}
