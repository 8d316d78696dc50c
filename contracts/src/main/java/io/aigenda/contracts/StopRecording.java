package io.aigenda.contracts;

import java.util.UUID;

/** Command from the backend to the meeting-controller: the user called the bot back. */
public record StopRecording(UUID botId, UUID meetingId, String reason) {
}
