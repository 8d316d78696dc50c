package io.aigenda.meetingcontroller.bot;

/**
 * A recorder's heartbeat.
 *
 * @param phase {@code joining}, {@code recording}, {@code ended} (the meeting ended or
 * went silent; it is leaving) or {@code failed}
 * @param detail why, for {@code ended} and {@code failed}
 */
record Heartbeat(String phase, String detail) {

	/**
	 * @param leave whether the recorder should leave the call now
	 */
	record Answer(String state, boolean leave) {
	}

}
