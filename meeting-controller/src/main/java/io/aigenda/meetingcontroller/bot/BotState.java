package io.aigenda.meetingcontroller.bot;

import java.util.EnumSet;
import java.util.Set;

/**
 * A bot's life: waiting to join, getting a recorder, in the call, on its way out,
 * finished.
 */
enum BotState {

	SCHEDULED, PROVISIONING, JOINING, RECORDING, LEAVING, DONE, FAILED;

	/**
	 * States in which the bot holds (or is getting) a recorder and counts against the
	 * limit.
	 */
	static final Set<BotState> ACTIVE = EnumSet.of(PROVISIONING, JOINING, RECORDING, LEAVING);

	boolean terminal() {
		return this == DONE || this == FAILED;
	}

}
