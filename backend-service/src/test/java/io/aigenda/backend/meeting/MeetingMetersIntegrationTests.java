package io.aigenda.backend.meeting;

import java.time.Duration;
import java.util.UUID;

import io.aigenda.backend.BackendIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

// Spring Boot tests switch metrics export off unless asked.
@TestPropertySource(properties = { "aigenda.observability.gauge-interval=200ms",
		"management.defaults.metrics.export.enabled=true", "management.prometheus.metrics.export.enabled=true" })
class MeetingMetersIntegrationTests extends BackendIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void prometheusShowsMeetingsByStateAndFinishedPerOrganisation() {
		var created = send("POST", "/api/v1/meetings", ADMIN_TOKEN,
				"{\"title\":\"Metrics " + UUID.randomUUID() + "\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		String id = created.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");
		this.jdbc.sql("update meetings set state = 'PROCESSED', processed_at = now() where id = ?")
			.param(UUID.fromString(id))
			.update();
		long processed = this.jdbc.sql("select count(*) from meetings where state = 'PROCESSED'")
			.query(Long.class)
			.single();

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			String metrics = get("/actuator/prometheus", null).body();
			assertThat(metrics).contains("aigenda_meetings{state=\"processed\"} " + processed + ".0")
				.contains("aigenda_meetings{state=\"uploading\"}")
				.containsPattern(
						"aigenda_meetings_finished_last_day\\{organisation=\"Test HQ\",state=\"processed\"\\} [1-9]");
		});
	}

}
