package io.aigenda.contracts;

/** The pipeline steps the ml-controller dispatches to workers. */
public enum StepKind {

	TRANSCRIBE, DIARIZE, WRITE_MINUTES

}
