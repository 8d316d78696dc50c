package io.aigenda.backend.bot;

import java.util.UUID;

/** The recorder of one bot, as its token identifies it. */
record RecorderPrincipal(UUID botId, UUID meetingId, UUID organisationId) {
}
