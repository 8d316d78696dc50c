package io.aigenda.meetingcontroller.bot;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.aigenda.contracts.Queues;
import io.aigenda.contracts.StartRecording;
import io.aigenda.contracts.StopRecording;
import io.aigenda.contracts.internal.Heartbeat;
import io.aigenda.contracts.internal.HeartbeatAnswer;
import io.aigenda.contracts.internal.InternalApiClient;
import io.aigenda.contracts.internal.InternalApiException;
import io.aigenda.meetingcontroller.MeetingControllerApplication;
import io.aigenda.meetingcontroller.recorder.RecorderProvider;
import io.aigenda.messaging.Messages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Queue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The bot state machine on the machine's PostgreSQL and RabbitMQ, with the local provider
 * running a recorder process that speaks the heartbeat protocol and a backend played over
 * HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "spring.config.name=" + MeetingControllerApplication.CONFIG_NAME,
				"aigenda.meeting-controller.service-token=" + FakeBackend.SERVICE_TOKEN,
				"aigenda.meeting-controller.tick=200ms", "aigenda.meeting-controller.heartbeat-timeout=3s",
				"aigenda.meeting-controller.leave-grace=3s", "aigenda.meeting-controller.max-bots-per-organisation=1" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BotLifecycleIntegrationTests {

	private static final String NAMESPACE = "test-" + UUID.randomUUID();

	private static final String DATABASE = "mtc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private static final int PORT = freePort();

	private static final FakeBackend BACKEND = startBackend();

	static {
		sql("create database " + DATABASE);
	}

	@Autowired
	Messages messages;

	@Autowired
	BotStore store;

	@Autowired
	Bots bots;

	@Autowired
	RecorderProvider provider;

	@Autowired
	AmqpAdmin admin;

	@Autowired
	Declarables aigendaTopology;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("aigenda.messaging.namespace", () -> NAMESPACE);
		registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:5432/" + DATABASE);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("server.port", () -> PORT);
		registry.add("aigenda.meeting-controller.public-url", () -> "http://127.0.0.1:" + PORT);
		registry.add("aigenda.meeting-controller.backend-url", BACKEND::url);
		registry.add("aigenda.meeting-controller.local.command[0]", () -> "sh");
		registry.add("aigenda.meeting-controller.local.command[1]",
				() -> Path.of("src/test/resources/recorder/heartbeat-only-recorder.sh").toAbsolutePath().toString());
	}

	@Test
	void aBotJoinsRecordsAndWhenItsRecorderIsKilledFailsAndIsReportedWithItsCost() {
		UUID organisation = UUID.randomUUID();
		UUID bot = startBot(organisation, "http://127.0.0.1:9/room", 3600);

		awaitState(bot, BotState.RECORDING);
		assertThat(BACKEND.tokens).containsKey(bot);
		String handle = this.store.find(bot).orElseThrow().handle();
		assertThat(this.provider.alive(handle)).isTrue();
		long pid = Long.parseLong(handle.substring(4));
		sleep(1200);

		ProcessHandle.of(pid).orElseThrow().destroyForcibly();

		awaitState(bot, BotState.FAILED);
		assertThat(this.store.find(bot).orElseThrow().detail()).contains("exited");
		await().atMost(Duration.ofSeconds(10)).until(() -> reported(bot, "FAILED") != null);
		assertThat(reported(bot, "FAILED").serverSeconds()).isGreaterThanOrEqualTo(1);
		assertThat(BACKEND.reportsOf(bot).stream().map(FakeBackend.Report::state)).containsSubsequence("PROVISIONING",
				"RECORDING", "FAILED");
		assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
	}

	@Test
	void aCalledBackBotLeavesAndItsRecorderIsGone() {
		UUID bot = startBot(UUID.randomUUID(), "http://127.0.0.1:9/stop-me", 3600);
		awaitState(bot, BotState.RECORDING);
		String handle = this.store.find(bot).orElseThrow().handle();

		this.messages.sendCommand(Queues.STOP_RECORDING, new StopRecording(bot, UUID.randomUUID(), "test"));

		awaitState(bot, BotState.DONE);
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.provider.alive(handle));
		await().atMost(Duration.ofSeconds(10)).until(() -> reported(bot, "DONE") != null);
		assertThat(BACKEND.reportsOf(bot).stream().map(FakeBackend.Report::state)).contains("LEAVING");
	}

	@Test
	void aSilentRecorderIsTornDownAfterTheHeartbeatTimeout() {
		UUID bot = startBot(UUID.randomUUID(), "http://127.0.0.1:9/silent", 3600);
		awaitState(bot, BotState.JOINING);
		String handle = this.store.find(bot).orElseThrow().handle();

		awaitState(bot, BotState.FAILED);
		assertThat(this.store.find(bot).orElseThrow().detail()).contains("no heartbeat");
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.provider.alive(handle));
	}

	@Test
	void aBotLeavesAtItsMaximumDuration() {
		UUID bot = startBot(UUID.randomUUID(), "http://127.0.0.1:9/short", 2);
		awaitState(bot, BotState.RECORDING);
		String handle = this.store.find(bot).orElseThrow().handle();

		awaitState(bot, BotState.DONE);
		assertThat(this.store.find(bot).orElseThrow().detail()).contains("maximum duration");
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.provider.alive(handle));
	}

	@Test
	void anOrganisationGetsOnlyItsLimitOfBotsAndTheNextWaits() {
		UUID organisation = UUID.randomUUID();
		UUID first = startBot(organisation, "http://127.0.0.1:9/first", 3600);
		awaitState(first, BotState.RECORDING);
		UUID second = startBot(organisation, "http://127.0.0.1:9/second", 3600);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> String.valueOf(this.store.find(second).map(Bot::detail).orElse(null)).startsWith("waiting"));
		assertThat(this.store.find(second).orElseThrow().state()).isEqualTo(BotState.SCHEDULED);

		this.messages.sendCommand(Queues.STOP_RECORDING, new StopRecording(first, UUID.randomUUID(), "test"));

		awaitState(second, BotState.RECORDING);
		this.messages.sendCommand(Queues.STOP_RECORDING, new StopRecording(second, UUID.randomUUID(), "test"));
		awaitState(second, BotState.DONE);
	}

	@Test
	void reconcileRemovesRecordersNoBotAnswersFor() throws Exception {
		Process orphan = new ProcessBuilder("sh", "-c", "while true; do sleep 1; done",
				"--aigenda-bot=" + UUID.randomUUID())
			.start();
		try {
			await().atMost(Duration.ofSeconds(5)).until(() -> this.provider.running().contains("pid:" + orphan.pid()));

			assertThat(this.bots.reconcile()).isGreaterThanOrEqualTo(1);

			await().atMost(Duration.ofSeconds(10)).until(() -> !orphan.isAlive());
		}
		finally {
			orphan.destroyForcibly();
		}
	}

	@Test
	void aRecordersHeartbeatThroughTheSharedClientIsAnsweredOrRefusedWithAReason() {
		UUID bot = startBot(UUID.randomUUID(), "http://127.0.0.1:9/client", 3600);
		awaitState(bot, BotState.RECORDING);
		URI controller = URI.create("http://127.0.0.1:" + PORT);

		HeartbeatAnswer answer = new InternalApiClient(controller, BACKEND.tokens.get(bot), Duration.ofSeconds(5),
				Duration.ofSeconds(10))
			.heartbeat(new Heartbeat("recording", null));
		assertThat(answer.state()).isEqualTo("RECORDING");
		assertThat(answer.leave()).isFalse();

		InternalApiException refused = catchThrowableOfType(InternalApiException.class,
				() -> new InternalApiClient(controller, "agr_not-a-token", Duration.ofSeconds(5),
						Duration.ofSeconds(10))
					.heartbeat(new Heartbeat("recording", null)));
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.reason()).isEqualTo("Unknown or expired recorder token");
		assertThat(refused.problemType()).isEqualTo("https://aigenda.io/problems/unauthorized");

		this.messages.sendCommand(Queues.STOP_RECORDING, new StopRecording(bot, UUID.randomUUID(), "test"));
		awaitState(bot, BotState.DONE);
	}

	@Test
	void aRedeliveredStartDoesNotMakeASecondBot() {
		UUID bot = UUID.randomUUID();
		StartRecording command = new StartRecording(bot, UUID.randomUUID(), UUID.randomUUID(),
				"http://127.0.0.1:9/twice", "test-page", Instant.now().plusSeconds(3600), 60, Instant.now());
		this.bots.start(command);
		this.bots.start(command);
		assertThat(this.store.inStates("SCHEDULED").stream().filter(b -> b.id().equals(bot))).hasSize(1);
		this.bots.stop(new StopRecording(bot, command.meetingId(), "test"));
		assertThat(this.store.find(bot).orElseThrow().state()).isEqualTo(BotState.DONE);
	}

	private UUID startBot(UUID organisation, String url, long maxDurationSeconds) {
		UUID bot = UUID.randomUUID();
		this.messages.sendCommand(Queues.START_RECORDING, new StartRecording(bot, UUID.randomUUID(), organisation, url,
				"test-page", null, maxDurationSeconds, Instant.now()));
		return bot;
	}

	private void awaitState(UUID bot, BotState state) {
		await().atMost(Duration.ofSeconds(20)).until(() -> this.store.find(bot).map(Bot::state).orElse(null) == state);
	}

	private static FakeBackend.Report reported(UUID bot, String state) {
		List<FakeBackend.Report> reports = BACKEND.reportsOf(bot);
		return reports.stream().filter(r -> r.state().equals(state)).findFirst().orElse(null);
	}

	@AfterAll
	void cleanUp() {
		for (String handle : this.provider.running()) {
			// only recorders of this test's bots: each was started by this JVM
			ProcessHandle.of(Long.parseLong(handle.substring(4)))
				.filter(p -> p.parent().map(parent -> parent.pid() == ProcessHandle.current().pid()).orElse(false))
				.ifPresent(ProcessHandle::destroyForcibly);
		}
		for (Queue queue : this.aigendaTopology.getDeclarablesByType(Queue.class)) {
			this.admin.deleteQueue(queue.getName());
		}
		for (Exchange exchange : this.aigendaTopology.getDeclarablesByType(Exchange.class)) {
			this.admin.deleteExchange(exchange.getName());
		}
		BACKEND.close();
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> sql("drop database if exists " + DATABASE + " with (force)")));
	}

	private static void sql(String statement) {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
				"postgres", ""); Statement s = connection.createStatement()) {
			s.execute(statement);
		}
		catch (Exception ex) {
			throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432: " + ex.getMessage(), ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static FakeBackend startBackend() {
		try {
			return new FakeBackend();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
