package io.aigenda.llm.minutes;

import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.Minutes;

/** Writes the minutes of one meeting from its speaker-attributed transcript. */
public interface MinutesWriter {

	/** Name of the engine, stored in {@link Minutes#engine()}. */
	String engine();

	Minutes write(MeetingTranscript transcript);

}
