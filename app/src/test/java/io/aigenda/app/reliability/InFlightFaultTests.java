package io.aigenda.app.reliability;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.aigenda.app.PlatformFiles;
import io.aigenda.app.platform.Service;
import io.aigenda.contracts.Queues;
import io.aigenda.observability.PipelineMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults with a meeting in flight on the real services: messages delivered again and out
 * of order, the broker cutting every connection, the ml-controller restarting, a worker
 * process killed mid-step, the backend's database connection cut while it commits
 * results, the S3 server down while a worker reads and while a client uploads. Each
 * meeting must finish, once, with the same transcript a quiet run gives.
 */
@ExtendWith(ReliabilityPlatform.Extension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InFlightFaultTests {

	private static final Duration PROCESSING = Duration.ofMinutes(4);

	static ReliabilityPlatform suite;

	static Api api;

	/** Words of the same recording processed without faults. */
	static int expectedWords;

	/** Speakers of the same recording processed without faults. */
	static long expectedSpeakers;

	static Connection broker;

	static Channel channel;

	static String capture;

	@BeforeAll
	static void quietRunFirst(ReliabilityPlatform platform) throws Exception {
		suite = platform;
		api = platform.admin;
		expectedWords = words(platform.finishedMeeting());
		expectedSpeakers = rows("select count(*) from speakers where meeting_id = ?::uuid", platform.finishedMeeting());
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost("127.0.0.1");
		factory.setVirtualHost(platform.virtualHost);
		broker = factory.newConnection("reliability-test");
		channel = broker.createChannel();
		// a copy of every step message, to deliver again later
		capture = "test-capture-" + UUID.randomUUID();
		// not exclusive: it outlives the connection a test cuts; the suite's virtual host
		// goes at the end
		channel.queueDeclare(capture, false, false, false, null);
		for (String command : List.of(Queues.PROCESS_MEETING, Queues.TRANSCRIBE, Queues.DIARIZE,
				Queues.WRITE_MINUTES)) {
			channel.queueBind(capture, platform.namespace + "." + Queues.COMMANDS_EXCHANGE, command);
		}
		channel.queueBind(capture, platform.namespace + "." + Queues.EVENTS_EXCHANGE, "#");
	}

	@AfterAll
	static void closeBroker() throws Exception {
		if (broker != null) {
			reconnect();
			channel.queueDelete(capture);
			broker.close();
		}
	}

	@Test
	@Order(1)
	void stepMessagesDeliveredTwiceMoreAndInReverseOrderChangeNothing() throws Exception {
		drain();
		String meeting = upload("Delivered three times");
		JsonNode done = api.awaitDone(meeting, PROCESSING);
		assertThat(done.path("state").asString()).isEqualTo("PROCESSED");
		Thread.sleep(1000);
		List<GetResponse> original = drain().stream().filter(m -> about(m, meeting)).toList();
		assertThat(types(original)).contains("ProcessMeeting", "Transcribe", "Diarize", "TranscriptReady",
				"DiarizationReady", "WriteMinutes", "MinutesWritten", "MinutesReady");
		String transcript = api.get("/api/v1/meetings/" + meeting + "/transcript").body();
		String minutes = api.get("/api/v1/meetings/" + meeting + "/minutes").body();
		String speakers = api.get("/api/v1/meetings/" + meeting + "/speakers").body();

		List<GetResponse> reversed = new ArrayList<>(original);
		Collections.reverse(reversed);
		for (int copy = 0; copy < 2; copy++) {
			for (GetResponse message : reversed) {
				Map<String, Object> headers = new HashMap<>(
						message.getProps().getHeaders() == null ? Map.of() : message.getProps().getHeaders());
				headers.put("x-reliability-replay", true);
				AMQP.BasicProperties props = message.getProps().builder().headers(headers).build();
				channel.basicPublish(message.getEnvelope().getExchange(), message.getEnvelope().getRoutingKey(), props,
						message.getBody());
			}
		}
		// the workers do the replayed commands again; wait until every queue is empty for
		// a while
		awaitQuiet(Duration.ofSeconds(120));
		List<GetResponse> after = drain().stream().filter(m -> about(m, meeting)).filter(m -> !replayed(m)).toList();

		JsonNode meetingAfter = api.meeting(meeting);
		int wordsAfter = words(meeting);
		long finishedAgain = after.stream().filter(m -> type(m).equals("MinutesReady")).count();
		Report.fault("each step message delivered 2 more times, in reverse order (" + original.size() + " messages)", 1,
				"PROCESSED".equals(meetingAfter.path("state").asString()) ? 1 : 0, 0,
				(wordsAfter != expectedWords || finishedAgain > 0) ? 1 : 0);
		assertThat(meetingAfter.path("state").asString()).isEqualTo("PROCESSED");
		assertThat(finishedAgain).as("MinutesReady published again").isZero();
		assertThat(wordsAfter).isEqualTo(expectedWords);
		assertThat(api.get("/api/v1/meetings/" + meeting + "/transcript").body()).isEqualTo(transcript);
		assertThat(api.get("/api/v1/meetings/" + meeting + "/minutes").body()).isEqualTo(minutes);
		assertThat(api.get("/api/v1/meetings/" + meeting + "/speakers").body()).isEqualTo(speakers);
		assertThat(rows("select count(*) from transcript_words where meeting_id = ?::uuid", meeting))
			.isEqualTo(expectedWords);
	}

	@Test
	void cuttingEveryBrokerConnectionWhileMessagesWaitLosesNothing() throws Exception {
		String meeting = upload("Connections cut");
		suite.closeBrokerConnections();
		Thread.sleep(3000);
		suite.closeBrokerConnections();
		reconnect();
		assertFinishedOnce(meeting, "RabbitMQ closes every connection twice (after upload, 3 s later)");
	}

	@Test
	void theMlControllerRestartingMidwayLosesNothing() throws Exception {
		String meeting = upload("Controller restarted");
		awaitState(meeting, "PROCESSING");
		suite.platform.restart(Service.ML_CONTROLLER);
		assertFinishedOnce(meeting, "ml-controller context stopped and started while PROCESSING");
	}

	@Test
	void theStorageServerDownWhileWorkersReadIsRetried() throws Exception {
		double failedBefore = failedTransfers();
		String meeting = upload("Storage down");
		suite.stopS3();
		long stopped = System.nanoTime();
		try {
			// down for 8 s at least, and until a worker's read has failed: that proves
			// the read fell
			// inside the outage (a worker counts each failed step by reason, "transfer"
			// here)
			while (System.nanoTime() - stopped < Duration.ofSeconds(8).toNanos() || (failedTransfers() == failedBefore
					&& System.nanoTime() - stopped < Duration.ofSeconds(60).toNanos())) {
				Thread.sleep(200);
			}
		}
		finally {
			suite.startS3();
		}
		long outage = Duration.ofNanos(System.nanoTime() - stopped).toSeconds();
		double failedReads = failedTransfers() - failedBefore;
		assertFinishedOnce(meeting,
				"S3 server stopped for " + outage + " s after upload, " + (long) failedReads + " worker reads failed");
		assertThat(failedReads).as("worker transfers that failed while S3 was down").isPositive();
	}

	@Test
	void aWorkerKilledMidStepIsReplacedAndTheBrokerRedeliversItsStep() throws Exception {
		String queue = suite.namespace + "." + Queues.TRANSCRIBE;
		Watch events = new Watch();
		// the in-JVM worker steps aside: only the worker process takes Transcribe
		// commands
		suite.context(Service.ASR_WORKER).close();
		ServiceProcess killed = null;
		ServiceProcess fresh = null;
		try {
			killed = ServiceProcess.start(suite.platform, Service.ASR_WORKER, "asr-worker-killed");
			String meeting = upload("Worker killed");
			JsonNode progress = events.await(meeting, "StepProgress", "TRANSCRIBE", PROCESSING, killed);
			assertThat(progress).as("StepProgress of the worker process\n" + killed.log()).isNotNull();
			assertThat(progress.path("step").asString()).isEqualTo("TRANSCRIBE");
			long waitingBefore = channel.queueDeclarePassive(queue).getMessageCount();
			int exit = killed.kill();
			assertThat(exit).as("exit status of SIGKILL").isEqualTo(137);
			// the command the dead process held unacknowledged goes back to the queue
			long waitingAfter = waitingBefore;
			for (int i = 0; i < 300 && waitingAfter <= waitingBefore; i++) {
				Thread.sleep(100);
				waitingAfter = channel.queueDeclarePassive(queue).getMessageCount();
			}
			assertThat(events.seen(meeting, "TranscriptReady")).as("a result published before the kill").isZero();
			assertThat(waitingAfter).as("Transcribe commands back in the queue after the kill")
				.isEqualTo(waitingBefore + 1);
			fresh = ServiceProcess.start(suite.platform, Service.ASR_WORKER, "asr-worker-fresh");
			assertFinishedOnce(meeting, "asr-worker process SIGKILLed at "
					+ Math.round(progress.path("fraction").asDouble() * 100) + " % of a step; a fresh one started");
			assertThat(fresh.log()).as("the fresh worker took the same step, redelivered")
				.contains("Transcribe of meeting " + meeting + " started (step " + progress.path("stepId").asString());
			assertThat(events.seen(meeting, "MinutesReady")).as("MinutesReady published").isEqualTo(1);
		}
		finally {
			if (fresh != null) {
				fresh.close();
			}
			if (killed != null) {
				killed.close();
			}
			events.close();
			suite.platform.restart(Service.ASR_WORKER);
		}
	}

	@Test
	void theBackendLosingItsDatabaseConnectionWhileItCommitsResultsRetries() throws Exception {
		try (java.sql.Connection locker = suite.database(); java.sql.Connection watcher = suite.database()) {
			// holding back writes to the words makes the backend's commit of the results
			// wait where the
			// test can see it, so the connection is cut inside that transaction, never
			// before or after
			locker.setAutoCommit(false);
			try (var statement = locker.createStatement()) {
				statement.execute("lock table transcript_words in share mode");
			}
			String meeting;
			int first;
			int retry;
			try {
				meeting = upload("Database connection cut");
				first = awaitCommitWaiting(watcher, -1, PROCESSING);
				assertThat(first).as("the backend's commit of the results, waiting").isPositive();
				try (var terminate = watcher.prepareStatement("select pg_terminate_backend(?)")) {
					terminate.setInt(1, first);
					try (var result = terminate.executeQuery()) {
						assertThat(result.next() && result.getBoolean(1)).isTrue();
					}
				}
				// the handler fails, and the same message is handled again, on a new
				// connection
				retry = awaitCommitWaiting(watcher, first, Duration.ofSeconds(60));
			}
			finally {
				locker.rollback();
			}
			assertThat(retry).as("the commit tried again after its connection was terminated").isPositive();
			assertFinishedOnce(meeting, "backend's PostgreSQL session terminated inside the results commit");
			assertThat(rows("select count(*) from minutes where meeting_id = ?::uuid", meeting)).isEqualTo(1);
			assertThat(deadLettered(Queues.BACKEND_EVENTS)).as("dead-lettered backend events").isZero();
		}
	}

	/**
	 * The machine's PostgreSQL cluster really restarted ({@code pg_ctlcluster restart})
	 * while the backend waits inside its commit of the results: the commit is lost with
	 * the connection, the database is away for a second or two, and the handler keeps
	 * trying until it is back. Restarting the cluster disturbs everyone using it, so this
	 * runs where {@code AIGENDA_TEST_RESTART_POSTGRES} is {@code true}, as
	 * {@code .ci/run} sets it.
	 */
	@Test
	void postgresqlRestartedWhileTheBackendCommitsResultsLosesNothing() throws Exception {
		Assumptions.assumeTrue("true".equals(System.getenv("AIGENDA_TEST_RESTART_POSTGRES")),
				"AIGENDA_TEST_RESTART_POSTGRES=true allows restarting the machine's PostgreSQL");
		String version = clusterVersion();
		java.sql.Connection locker = suite.database();
		java.sql.Connection watcher = suite.database();
		String meeting;
		try {
			locker.setAutoCommit(false);
			try (var statement = locker.createStatement()) {
				statement.execute("lock table transcript_words in share mode");
			}
			meeting = upload("PostgreSQL restarted");
			assertThat(awaitCommitWaiting(watcher, -1, PROCESSING)).as("the backend's commit of the results, waiting")
				.isPositive();
			Process restart = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", "-m", "fast", version,
					"main", "restart")
				.redirectErrorStream(true)
				.start();
			String output = new String(restart.getInputStream().readAllBytes(),
					java.nio.charset.StandardCharsets.UTF_8);
			assertThat(restart.waitFor()).as("pg_ctlcluster restart: " + output).isZero();
		}
		finally {
			// both sessions ended with the restart
			closeQuietly(locker);
			closeQuietly(watcher);
		}
		assertFinishedOnce(meeting, "PostgreSQL cluster restarted inside the backend's results commit");
		assertThat(rows("select count(*) from minutes where meeting_id = ?::uuid", meeting)).isEqualTo(1);
		assertThat(deadLettered(Queues.BACKEND_EVENTS)).as("dead-lettered backend events").isZero();
	}

	/**
	 * The newest PostgreSQL cluster version on this machine, as {@code .ci/run} picks it.
	 */
	private static String clusterVersion() throws Exception {
		try (var versions = Files.list(java.nio.file.Path.of("/etc/postgresql"))) {
			return versions.map(path -> path.getFileName().toString())
				.max(java.util.Comparator.comparingInt(Integer::parseInt))
				.orElseThrow(() -> new IllegalStateException("No PostgreSQL cluster under /etc/postgresql"));
		}
	}

	private static void closeQuietly(java.sql.Connection connection) {
		try {
			connection.close();
		}
		catch (java.sql.SQLException ex) {
			// the server already closed it
		}
	}

	@Test
	void theStorageServerDownDuringAnUploadGetsARetryableProblemAndKeepsNothing() throws Exception {
		String meeting = api.createMeeting("Storage down during upload");
		byte[] recording = Files.readAllBytes(PlatformFiles.JFK);
		HttpResponse<String> direct;
		HttpResponse<String> multipart;
		suite.stopS3();
		try {
			direct = api.putFile(BadInputTests.recording(meeting), "jfk.wav", recording);
			multipart = api.send("POST", "/api/v1/meetings/" + meeting + "/uploads",
					"{\"filename\":\"jfk.wav\",\"sizeBytes\":" + recording.length + ",\"contentType\":\"audio/wav\"}");
		}
		finally {
			suite.startS3();
		}
		Report.badInput("recording while the S3 server is down", "PUT /recording", direct.statusCode(),
				Api.json(direct).path("type").asString().replace("https://aigenda.io/problems/", ""));
		Report.badInput("multipart upload while the S3 server is down", "POST /uploads", multipart.statusCode(),
				Api.json(multipart).path("type").asString().replace("https://aigenda.io/problems/", ""));
		Api.assertProblem(direct, 503, "storage-unavailable");
		Api.assertProblem(multipart, 503, "storage-unavailable");
		assertThat(direct.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(v).isNotBlank());
		assertThat(multipart.headers().firstValue("Retry-After")).isPresent();
		// nothing half-stored: the meeting still takes a recording, and nothing asks to
		// process it
		assertThat(api.meeting(meeting).path("state").asString()).isEqualTo("CREATED");
		assertThat(rows("select count(*) from outbox where payload::text like '%' || ? || '%'", meeting)).isZero();
		assertThat(rows("select count(*) from upload_sessions where meeting_id = ?::uuid", meeting)).isZero();
		assertThat(rows("select count(*) from meetings where id = ?::uuid and recording_key is not null", meeting))
			.isZero();

		var again = api.putFile(BadInputTests.recording(meeting), "jfk.wav", recording);
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		assertFinishedOnce(meeting, "S3 server down during REST and multipart uploads; uploaded again");
	}

	/** Failed steps the workers in this JVM counted as failed transfers. */
	private static double failedTransfers() {
		double failed = 0;
		for (Service worker : List.of(Service.ASR_WORKER, Service.DIARIZATION_WORKER)) {
			// a registry may be a composite of others: the largest count is the worker's
			// own
			failed += suite.context(worker)
				.getBeansOfType(MeterRegistry.class)
				.values()
				.stream()
				.mapToDouble(registry -> registry.find(PipelineMeters.STEP_FAILURES)
					.tag("reason", "transfer")
					.counters()
					.stream()
					.mapToDouble(Counter::count)
					.sum())
				.max()
				.orElse(0);
		}
		return failed;
	}

	/**
	 * The session of the backend whose transaction waits to rewrite a meeting's words,
	 * other than {@code not}; -1 when none waited within the timeout.
	 */
	private static int awaitCommitWaiting(java.sql.Connection watcher, int not, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		try (var statement = watcher.prepareStatement("select pid from pg_stat_activity where datname = "
				+ "current_database() and pid <> pg_backend_pid() and pid <> ? and wait_event_type = 'Lock' "
				+ "and query ilike 'delete from transcript_words%'")) {
			statement.setInt(1, not);
			while (System.nanoTime() < deadline) {
				try (var result = statement.executeQuery()) {
					if (result.next()) {
						return result.getInt(1);
					}
				}
				Thread.sleep(50);
			}
		}
		return -1;
	}

	private static long deadLettered(String queue) throws Exception {
		reconnect();
		return channel.queueDeclarePassive(suite.namespace + "." + queue + Queues.DEAD_LETTER_SUFFIX).getMessageCount();
	}

	/** Every event the platform publishes, as the test sees it, from its own queue. */
	private static final class Watch implements AutoCloseable {

		private final String queue = "test-watch-" + UUID.randomUUID();

		private final List<GetResponse> seen = new ArrayList<>();

		Watch() throws Exception {
			reconnect();
			channel.queueDeclare(this.queue, false, false, false, null);
			channel.queueBind(this.queue, suite.namespace + "." + Queues.EVENTS_EXCHANGE, "#");
		}

		/**
		 * The first event of that type about the meeting's step past its start
		 * (recognition under way, not just the download), as JSON; null when none came in
		 * time or the process that would publish it died.
		 */
		JsonNode await(String meeting, String type, String step, Duration timeout, ServiceProcess producer)
				throws Exception {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (System.nanoTime() < deadline && producer.isAlive()) {
				GetResponse message = channel.basicGet(this.queue, true);
				if (message == null) {
					Thread.sleep(10);
					continue;
				}
				this.seen.add(message);
				if (about(message, meeting) && type(message).equals(type)) {
					JsonNode event = Api.JSON.readTree(message.getBody());
					if (event.path("step").asString().equals(step) && event.path("fraction").asDouble() > 0) {
						return event;
					}
				}
			}
			return null;
		}

		/** Events of that type about the meeting seen so far. */
		long seen(String meeting, String type) throws Exception {
			reconnect();
			for (GetResponse message = channel.basicGet(this.queue, true); message != null; message = channel
				.basicGet(this.queue, true)) {
				this.seen.add(message);
			}
			return this.seen.stream().filter(m -> about(m, meeting) && type(m).equals(type)).count();
		}

		@Override
		public void close() throws Exception {
			reconnect();
			channel.queueDelete(this.queue);
		}

	}

	private static void assertFinishedOnce(String meeting, String fault) throws Exception {
		JsonNode done = api.awaitDone(meeting, PROCESSING);
		String state = done.path("state").asString();
		int words = "PROCESSED".equals(state) ? words(meeting) : 0;
		long speakers = rows("select count(*) from speakers where meeting_id = ?::uuid", meeting);
		long minutes = rows("select count(*) from minutes where meeting_id = ?::uuid", meeting);
		Report.fault(fault, 1, "PROCESSED".equals(state) ? 1 : 0, Api.done(done) ? 0 : 1,
				(words > expectedWords || speakers > expectedSpeakers || minutes > 1) ? 1 : 0);
		assertThat(state).as(done.toString()).isEqualTo("PROCESSED");
		assertThat(words).isEqualTo(expectedWords);
		assertThat(rows("select count(*) from transcript_words where meeting_id = ?::uuid", meeting))
			.isEqualTo(expectedWords);
		assertThat(speakers).as("speakers").isEqualTo(expectedSpeakers);
		assertThat(minutes).as("minutes").isEqualTo(1);
	}

	private static String upload(String title) throws Exception {
		String meeting = api.createMeeting(title);
		var response = api.putFile(BadInputTests.recording(meeting), "jfk.wav", Files.readAllBytes(PlatformFiles.JFK));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return meeting;
	}

	private static void awaitState(String meeting, String state) throws InterruptedException {
		for (int i = 0; i < 400 && !api.meeting(meeting).path("state").asString().equals(state); i++) {
			Thread.sleep(50);
		}
	}

	static int words(String meeting) {
		return Api.json(api.get("/api/v1/meetings/" + meeting + "/transcript")).path("words").size();
	}

	private static long rows(String sql, String meeting) throws Exception {
		try (java.sql.Connection connection = suite.database(); var statement = connection.prepareStatement(sql)) {
			statement.setString(1, meeting);
			try (var result = statement.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
	}

	private static List<GetResponse> drain() throws Exception {
		reconnect();
		List<GetResponse> messages = new ArrayList<>();
		for (GetResponse message = channel.basicGet(capture, true); message != null; message = channel.basicGet(capture,
				true)) {
			messages.add(message);
		}
		return messages;
	}

	/** Waits until no queue of the platform holds a message, three looks in a row. */
	private static void awaitQuiet(Duration timeout) throws Exception {
		List<String> queues = List.of(Queues.PROCESS_MEETING, Queues.TRANSCRIBE, Queues.DIARIZE, Queues.WRITE_MINUTES,
				Queues.ML_EVENTS, Queues.BACKEND_EVENTS);
		long deadline = System.nanoTime() + timeout.toNanos();
		int quiet = 0;
		while (quiet < 3 && System.nanoTime() < deadline) {
			long waiting = 0;
			for (String queue : queues) {
				waiting += channel.queueDeclarePassive(suite.namespace + "." + queue).getMessageCount();
			}
			quiet = waiting == 0 ? quiet + 1 : 0;
			Thread.sleep(1000);
		}
		// a worker may still hold a replayed command it took last; its answer arrives
		// within seconds
		Thread.sleep(15000);
	}

	private static void reconnect() throws Exception {
		if (!broker.isOpen()) {
			ConnectionFactory factory = new ConnectionFactory();
			factory.setHost("127.0.0.1");
			factory.setVirtualHost(suite.virtualHost);
			broker = factory.newConnection("reliability-test");
		}
		if (!channel.isOpen()) {
			channel = broker.createChannel();
		}
	}

	private static boolean about(GetResponse message, String meeting) {
		return new String(message.getBody(), java.nio.charset.StandardCharsets.UTF_8).contains(meeting);
	}

	private static boolean replayed(GetResponse message) {
		return message.getProps().getHeaders() != null
				&& message.getProps().getHeaders().containsKey("x-reliability-replay");
	}

	private static List<String> types(List<GetResponse> messages) {
		return messages.stream().map(InFlightFaultTests::type).toList();
	}

	private static String type(GetResponse message) {
		Object type = message.getProps().getHeaders() == null ? null
				: message.getProps().getHeaders().get(io.aigenda.contracts.MessageTypes.HEADER);
		return String.valueOf(type).replaceFirst("\\.v[0-9]+$", "");
	}

}
