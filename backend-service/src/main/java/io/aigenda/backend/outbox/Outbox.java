package io.aigenda.backend.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import io.aigenda.contracts.MessageTypes;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a command to send (or an event to publish) in the caller's transaction, so a
 * state change and its message are saved together or not at all; {@link OutboxRelay}
 * sends it afterwards.
 */
@Component
public class Outbox {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Outbox(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Destination of rows that are events: published to the events exchange, not sent to
	 * a queue.
	 */
	static final String EVENTS = "events";

	/** Adds an event to publish; returns the row id (the message id). */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID publish(Object event) {
		MessageTypes.eventRoutingKey(event.getClass()); // refuses a record that is no
														// event, now
		return enqueue(EVENTS, event);
	}

	/**
	 * Adds a command for the queue with the given base name; returns the row id (the
	 * message id).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID enqueue(String queueBase, Object command) {
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("insert into outbox (id, type, destination, payload, created_at, attempts) "
					+ "values (?, ?, ?, ?::jsonb, ?, 0)")
			.params(id, MessageTypes.idOf(command.getClass()), queueBase, this.json.writeValueAsString(command),
					Timestamp.from(Instant.now()))
			.update();
		return id;
	}

}
