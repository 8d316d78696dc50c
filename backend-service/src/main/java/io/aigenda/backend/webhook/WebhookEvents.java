package io.aigenda.backend.webhook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues a meeting event for every webhook endpoint of its organisation, in the caller's
 * transaction: the event is delivered exactly when the change it announces is committed.
 */
@Component
public class WebhookEvents {

	public static final String MEETING_COMPLETED = "meeting.completed";

	public static final String MEETING_FAILED = "meeting.failed";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	WebhookEvents(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void meetingEvent(String type, UUID organisationId, UUID meetingId) {
		Instant now = Instant.now();
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("id", UUID.randomUUID());
		event.put("type", type);
		event.put("meetingId", meetingId);
		event.put("organisationId", organisationId);
		event.put("occurredAt", now.toString());
		String body = this.json.writeValueAsString(event);
		Timestamp at = Timestamp.from(now);
		this.jdbc.sql("""
				insert into webhook_deliveries (id, endpoint_id, event_type, body, state, attempts, next_attempt_at,
				    created_at, updated_at)
				select gen_random_uuid(), id, ?, ?, 'PENDING', 0, ?, ?, ? from webhook_endpoints
				where organisation_id = ?""").params(type, body, at, at, at, organisationId).update();
	}

}
