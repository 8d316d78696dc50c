package io.aigenda.meetingcontroller.bot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.aigenda.contracts.StartRecording;
import io.aigenda.contracts.internal.Heartbeat;
import io.aigenda.contracts.internal.HeartbeatAnswer;
import io.aigenda.meetingcontroller.recorder.OpenStackRecorderProvider;
import io.aigenda.meetingcontroller.recorder.RecorderProperties;
import io.aigenda.observability.PipelineMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The state machine on the machine's PostgreSQL, driving the OpenStack provider against
 * Keystone v3 and Nova v2.1 as WireMock plays them: quota errors retried into a running
 * server, giving up with the reason, and the reconcile that deletes a tagged server no
 * bot answers for.
 */
class OpenStackBotsTests {

	private static final String TRACKED = "f5dc173b-6804-445a-a6d8-c705dad5b5eb";

	private static final String ORPHAN = "0b3a9c3e-1d7f-4f0e-9a51-4f2f6c0de1a1";

	private static final String UNTAGGED = "5e1c0c59-2d5c-4f6e-8a0b-9d0e6b8f7a21";

	private final UUID bot = UUID.randomUUID();

	private final String database = "mtc_os_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private WireMockServer cloud;

	private FakeBackend backend;

	private BotStore store;

	private Bots bots;

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@BeforeEach
	void start() throws IOException {
		this.cloud = new WireMockServer(options().dynamicPort());
		this.cloud.start();
		this.cloud.stubFor(post(urlEqualTo("/identity/v3/auth/tokens"))
			.willReturn(json(201, "keystone-token.json").withHeader("X-Subject-Token", "gAAAAABtoken")));
		this.backend = new FakeBackend();
		// the machine's PostgreSQL, a database of this test's own
		sql("create database " + this.database);
		org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
		dataSource.setUrl("jdbc:postgresql://127.0.0.1:5432/" + this.database);
		dataSource.setUser("postgres");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/meeting-controller").load().migrate();
		this.store = new BotStore(JdbcClient.create(dataSource));
		RecorderProperties properties = new RecorderProperties(RecorderProperties.Provider.OPENSTACK, 2,
				this.backend.url(), FakeBackend.SERVICE_TOKEN, "http://127.0.0.1:8085", Duration.ofSeconds(60),
				Duration.ofSeconds(30), Duration.ofMillis(100), 3, Duration.ofMillis(100), Duration.ofHours(9),
				new RecorderProperties.Local(List.of("true"), null),
				new RecorderProperties.OpenStack(this.cloud.baseUrl() + "/identity/v3", "aigenda-recorders", "s3cret",
						"Default", "aigenda", "Default", null, "3", "70a599e0-31e7-49b7-b260-868f441e862b",
						"3d1c0f7e-5b6a-4c2d-8e9f-0a1b2c3d4e5f", null, null, "/opt/aigenda/recorder",
						Duration.ofSeconds(5), Duration.ofMillis(50)));
		this.bots = new Bots(this.store, new OpenStackRecorderProvider(properties.openstack()),
				BackendApi.client(properties), properties, this.registry, new PipelineMeters(this.registry));
	}

	@AfterEach
	void stop() {
		this.bots.destroy();
		this.backend.close();
		this.cloud.stop();
		sql("drop database if exists " + this.database + " with (force)");
	}

	private static void sql(String statement) {
		try (java.sql.Connection connection = java.sql.DriverManager
			.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
				java.sql.Statement s = connection.createStatement()) {
			s.execute(statement);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432: " + ex.getMessage(), ex);
		}
	}

	@Test
	void quotaExceededIsRetriedUntilNovaHasRoom() {
		this.cloud.stubFor(post(urlEqualTo("/compute/v2.1/servers")).inScenario("quota")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(json(403, "nova-quota-exceeded-403.json"))
			.willSetStateTo("freed"));
		this.cloud.stubFor(post(urlEqualTo("/compute/v2.1/servers")).inScenario("quota")
			.whenScenarioStateIs("freed")
			.willReturn(json(202, "nova-server-create-202.json")));
		this.cloud.stubFor(
				get(urlEqualTo("/compute/v2.1/servers/" + TRACKED)).willReturn(json(200, "nova-server-active.json")));

		this.bots.start(command());
		await().atMost(Duration.ofSeconds(15)).until(() -> {
			this.bots.tick();
			return state() == BotState.JOINING;
		});

		Bot joined = this.store.find(this.bot).orElseThrow();
		assertThat(joined.handle()).isEqualTo(TRACKED);
		assertThat(joined.attempts()).isEqualTo(2);
		this.cloud.verify(2, postRequestedFor(urlEqualTo("/compute/v2.1/servers")));
		// the report to the backend follows the state change, on a later tick
		await().atMost(Duration.ofSeconds(5)).until(() -> {
			this.bots.tick();
			return this.backend.reportsOf(this.bot).stream().anyMatch(r -> r.state().equals("JOINING"));
		});
	}

	@Test
	void aBotGivesUpWithTheReasonWhenTheQuotaStaysExhausted() {
		this.cloud
			.stubFor(post(urlEqualTo("/compute/v2.1/servers")).willReturn(json(403, "nova-quota-exceeded-403.json")));

		this.bots.start(command());
		await().atMost(Duration.ofSeconds(15)).until(() -> {
			this.bots.tick();
			return state() == BotState.FAILED;
		});

		assertThat(this.store.find(this.bot).orElseThrow().detail()).contains("quota exceeded");
		this.cloud.verify(3, postRequestedFor(urlEqualTo("/compute/v2.1/servers")));
		await().atMost(Duration.ofSeconds(5)).until(() -> {
			this.bots.tick();
			return this.backend.reportsOf(this.bot).stream().anyMatch(r -> r.state().equals("FAILED"));
		});
	}

	@Test
	void aBotCalledBackWhileItsServerIsBuiltIsToldToLeaveAtItsFirstHeartbeat() {
		this.cloud
			.stubFor(post(urlEqualTo("/compute/v2.1/servers")).willReturn(json(202, "nova-server-create-202.json")));
		this.cloud.stubFor(get(urlEqualTo("/compute/v2.1/servers/" + TRACKED)).inScenario("slow")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(json(200, "nova-server-build.json").withFixedDelay(1500))
			.willSetStateTo("built"));
		this.cloud.stubFor(get(urlEqualTo("/compute/v2.1/servers/" + TRACKED)).inScenario("slow")
			.whenScenarioStateIs("built")
			.willReturn(json(200, "nova-server-active.json")));
		this.bots.start(command());
		this.bots.tick();
		assertThat(state()).isEqualTo(BotState.PROVISIONING);

		this.bots.stop(new io.aigenda.contracts.StopRecording(this.bot, UUID.randomUUID(), "test"));

		await().atMost(Duration.ofSeconds(10)).until(() -> state() == BotState.LEAVING);
		HeartbeatAnswer answer = this.bots
			.heartbeat(this.backend.tokens.get(this.bot), new Heartbeat("recording", null))
			.orElseThrow();
		assertThat(answer.leave()).isTrue();
	}

	@Test
	void reconcileDeletesTaggedServersNoBotAnswersForAndNothingElse() {
		this.store.insert(command(), Instant.now());
		this.store.move(this.bot, BotState.SCHEDULED, BotState.PROVISIONING, null, Instant.now());
		this.store.started(this.bot, TRACKED, Instant.now(), Instant.now());
		this.cloud.stubFor(
				get(urlPathEqualTo("/compute/v2.1/servers/detail")).willReturn(json(200, "nova-servers-detail.json")));
		this.cloud
			.stubFor(delete(urlEqualTo("/compute/v2.1/servers/" + ORPHAN)).willReturn(aResponse().withStatus(204)));

		assertThat(this.bots.reconcile()).isEqualTo(1);

		this.cloud.verify(deleteRequestedFor(urlEqualTo("/compute/v2.1/servers/" + ORPHAN)));
		this.cloud.verify(0, deleteRequestedFor(urlEqualTo("/compute/v2.1/servers/" + TRACKED)));
		this.cloud.verify(0, deleteRequestedFor(urlEqualTo("/compute/v2.1/servers/" + UNTAGGED)));
	}

	@Test
	void runningServersAreGaugedAndEachServersTimeIsCountedOnceItIsDeleted() {
		this.store.insert(command(), Instant.now());
		this.store.move(this.bot, BotState.SCHEDULED, BotState.PROVISIONING, null, Instant.now());
		this.store.started(this.bot, TRACKED, Instant.now().minus(Duration.ofMinutes(10)), Instant.now());
		this.cloud.stubFor(get(urlEqualTo("/compute/v2.1/servers/" + TRACKED)).inScenario("life")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(json(200, "nova-server-active.json")));
		this.bots.tick();

		assertThat(this.registry.get("aigenda.bots.active").gauge().value()).isEqualTo(1);
		assertThat(this.registry.get("aigenda.bots.oldest.age").gauge().value()).isBetween(600.0, 660.0);
		assertThat(this.registry.get("aigenda.bots.max.age").gauge().value()).isEqualTo(9 * 3600.0);
		assertThat(this.registry.get("aigenda.bots.server.seconds").tag("provider", "openstack").counter().count())
			.isZero();

		// called back; the server is gone by the next look, so the bot ends and the
		// server is deleted
		this.bots.stop(new io.aigenda.contracts.StopRecording(this.bot, UUID.randomUUID(), "test"));
		this.cloud.stubFor(get(urlEqualTo("/compute/v2.1/servers/" + TRACKED)).inScenario("life")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"itemNotFound\": {\"code\": 404, \"message\": \"not found\"}}")));
		this.cloud
			.stubFor(delete(urlEqualTo("/compute/v2.1/servers/" + TRACKED)).willReturn(aResponse().withStatus(204)));
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			this.bots.tick();
			return this.store.find(this.bot).orElseThrow().releasedAt() != null;
		});
		this.bots.tick();

		double counted = this.registry.get("aigenda.bots.server.seconds")
			.tag("provider", "openstack")
			.counter()
			.count();
		assertThat(counted).isBetween(600.0, 660.0);
		assertThat(this.registry.get("aigenda.bots.active").gauge().value()).isZero();
		assertThat(this.registry.get("aigenda.bots.oldest.age").gauge().value()).isZero();
		this.bots.tick();
		assertThat(this.registry.get("aigenda.bots.server.seconds").counter().count()).isEqualTo(counted);
	}

	private StartRecording command() {
		return new StartRecording(this.bot, UUID.randomUUID(), UUID.randomUUID(), "https://meet.jit.si/Weekly", "jitsi",
				null, 3600, Instant.now());
	}

	private BotState state() {
		return this.store.find(this.bot).map(Bot::state).orElse(null);
	}

	private ResponseDefinitionBuilder json(int status, String resource) {
		try (InputStream in = getClass().getResourceAsStream("/openstack/" + resource)) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8)
				.replace("{{base}}", this.cloud.baseUrl())
				.replace("{{bot}}", this.bot.toString());
			return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
