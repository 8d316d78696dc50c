package io.aigenda.backend.bot;

/** Where a recorder bot is; the meeting-controller reports every change. */
enum BotState {

	SCHEDULED, PROVISIONING, JOINING, RECORDING, LEAVING, DONE, FAILED;

	boolean terminal() {
		return this == DONE || this == FAILED;
	}

}
