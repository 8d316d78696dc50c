package io.aigenda.backend.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.aigenda.backend.BackendProperties;
import io.aigenda.contracts.MessageTypes;
import io.aigenda.messaging.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends outbox rows to the broker and marks them sent once the broker confirmed them.
 * Rows are locked with {@code SKIP LOCKED}, so several backend instances relay side by
 * side without sending a row twice; a crash between confirm and commit re-sends it with
 * the same message id, which the consumer drops.
 */
@Component
class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Messages messages;

	private final TransactionTemplate transactions;

	private final int batchSize;

	OutboxRelay(JdbcClient jdbc, JsonMapper json, Messages messages, TransactionTemplate transactions,
			BackendProperties properties) {
		this.jdbc = jdbc;
		this.json = json;
		this.messages = messages;
		this.transactions = transactions;
		this.batchSize = properties.outbox().batchSize();
	}

	@Scheduled(fixedDelayString = "${aigenda.backend.outbox.interval:500ms}")
	void relay() {
		try {
			Integer sent;
			do {
				sent = this.transactions.execute(status -> relayBatch());
			}
			while (sent != null && sent == this.batchSize);
		}
		catch (RuntimeException ex) {
			log.warn("Outbox relay failed, will retry: {}", ex.getMessage());
		}
	}

	/** Sends one batch; stops at the first failure so rows keep their order. */
	int relayBatch() {
		List<Row> rows = this.jdbc
			.sql("select id, type, destination, payload::text from outbox where sent_at is null "
					+ "order by created_at limit ? for update skip locked")
			.param(this.batchSize)
			.query((rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
		int sent = 0;
		for (Row row : rows) {
			try {
				Class<?> type = MessageTypes.classOf(row.type())
					.orElseThrow(() -> new IllegalStateException("Unknown message type " + row.type()));
				Object command = this.json.readValue(row.payload(), type);
				if (Outbox.EVENTS.equals(row.destination())) {
					this.messages.publishEventConfirmed(command, row.id().toString());
				}
				else {
					this.messages.sendCommandConfirmed(row.destination(), command, row.id().toString());
				}
				this.jdbc.sql("update outbox set sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
					.params(Timestamp.from(Instant.now()), row.id())
					.update();
				sent++;
			}
			catch (RuntimeException ex) {
				log.warn("Could not send outbox message {} ({}): {}", row.id(), row.type(), ex.getMessage());
				this.jdbc.sql("update outbox set attempts = attempts + 1, last_error = ? where id = ?")
					.params(String.valueOf(ex.getMessage()), row.id())
					.update();
				return -1;
			}
		}
		return sent;
	}

	private record Row(UUID id, String type, String destination, String payload) {
	}

}
