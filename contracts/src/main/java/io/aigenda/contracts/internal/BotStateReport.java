package io.aigenda.contracts.internal;

/**
 * Body of the backend's {@link InternalPaths#BOT_STATE}: the meeting-controller's report
 * of a bot's state change.
 *
 * @param state the bot state's name ({@code SCHEDULED}, {@code PROVISIONING},
 * {@code JOINING}, {@code RECORDING}, {@code LEAVING}, {@code DONE}, {@code FAILED});
 * required
 * @param detail why, in words, or {@code null}
 * @param serverSeconds what the bot's recorder has cost so far (seconds its server or
 * process ran), or {@code null}
 */
public record BotStateReport(String state, String detail, Long serverSeconds) {
}
