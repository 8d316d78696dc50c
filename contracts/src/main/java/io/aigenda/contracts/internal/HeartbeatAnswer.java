package io.aigenda.contracts.internal;

/**
 * The meeting-controller's answer to a {@link Heartbeat}.
 *
 * @param state the bot's state as the controller has it
 * @param leave whether the recorder should leave the call now
 */
public record HeartbeatAnswer(String state, boolean leave) {
}
