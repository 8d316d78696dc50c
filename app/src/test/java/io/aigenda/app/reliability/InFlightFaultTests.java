package io.aigenda.app.reliability;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults with a meeting in flight on the real services: messages delivered again and out of
 * order, the broker cutting every connection, the ml-controller restarting, the S3 server down
 * while a worker reads. Each meeting must finish, once, with the same transcript a quiet run gives.
 */
@ExtendWith(ReliabilityPlatform.Extension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InFlightFaultTests {

	private static final Duration PROCESSING = Duration.ofMinutes(4);

	static ReliabilityPlatform suite;

	static Api api;

	/** Words of the same recording processed without faults. */
	static int expectedWords;

	static Connection broker;

	static Channel channel;

	static String capture;

	@BeforeAll
	static void quietRunFirst(ReliabilityPlatform platform) throws Exception {
		suite = platform;
		api = platform.admin;
		expectedWords = words(platform.finishedMeeting());
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost("127.0.0.1");
		factory.setVirtualHost(platform.virtualHost);
		broker = factory.newConnection("reliability-test");
		channel = broker.createChannel();
		// a copy of every step message, to deliver again later
		capture = "test-capture-" + UUID.randomUUID();
		// not exclusive: it outlives the connection a test cuts; the suite's virtual host goes at the end
		channel.queueDeclare(capture, false, false, false, null);
		for (String command : List.of(Queues.PROCESS_MEETING, Queues.TRANSCRIBE, Queues.DIARIZE, Queues.WRITE_MINUTES)) {
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
				Map<String, Object> headers = new HashMap<>(message.getProps().getHeaders() == null ? Map.of()
						: message.getProps().getHeaders());
				headers.put("x-reliability-replay", true);
				AMQP.BasicProperties props = message.getProps().builder().headers(headers).build();
				channel.basicPublish(message.getEnvelope().getExchange(), message.getEnvelope().getRoutingKey(), props,
						message.getBody());
			}
		}
		// the workers do the replayed commands again; wait until every queue is empty for a while
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
		String meeting = upload("Storage down");
		suite.stopS3();
		try {
			Thread.sleep(8000);
		}
		finally {
			suite.startS3();
		}
		assertFinishedOnce(meeting, "S3 server stopped for 8 s right after upload");
	}

	private static void assertFinishedOnce(String meeting, String fault) throws Exception {
		JsonNode done = api.awaitDone(meeting, PROCESSING);
		String state = done.path("state").asString();
		int words = "PROCESSED".equals(state) ? words(meeting) : 0;
		Report.fault(fault, 1, "PROCESSED".equals(state) ? 1 : 0, Api.done(done) ? 0 : 1,
				words > expectedWords ? 1 : 0);
		assertThat(state).as(done.toString()).isEqualTo("PROCESSED");
		assertThat(words).isEqualTo(expectedWords);
		assertThat(rows("select count(*) from transcript_words where meeting_id = ?::uuid", meeting))
			.isEqualTo(expectedWords);
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
		try (java.sql.Connection connection = suite.database();
				var statement = connection.prepareStatement(sql)) {
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
		// a worker may still hold a replayed command it took last; its answer arrives within seconds
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
