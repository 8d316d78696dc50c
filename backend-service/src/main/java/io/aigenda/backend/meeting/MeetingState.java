package io.aigenda.backend.meeting;

/** Where a meeting is on its way from creation to minutes. */
public enum MeetingState {

	CREATED, UPLOADING, UPLOADED, PROCESSING, PROCESSED, FAILED;

	/** Whether a recording may still be uploaded. */
	public boolean acceptsRecording() {
		return this == CREATED || this == UPLOADING;
	}

}
