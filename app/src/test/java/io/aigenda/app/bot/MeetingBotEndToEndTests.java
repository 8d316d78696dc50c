package io.aigenda.app.bot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aigenda.app.PlatformFiles;
import io.aigenda.app.platform.Platform;
import io.aigenda.recorder.RecorderAgent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A recorder bot end to end on this machine: the whole platform in one JVM (the machine's
 * PostgreSQL, the embedded AMQP broker and S3, as on a laptop), a meeting page served by
 * the test that plays ../shared/eval-dev/diarization/pyannote_sample/sample.wav (two
 * people on a call) to whoever joins, and the bot sent to it through the API. The
 * meeting-controller starts the recorder as a local process (Debian's Chromium,
 * PulseAudio, ffmpeg); its chunks become the meeting's recording, and the pipeline turns
 * it into a transcript.
 */
class MeetingBotEndToEndTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final String DATABASE = "aigenda_bot_e2e_"
			+ UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	/**
	 * Settings the services read from system properties: a test page on loopback is a
	 * platform.
	 */
	private static final Map<String, String> SETTINGS = Map.of("aigenda.backend.bots.allow-private-addresses", "true",
			"aigenda.backend.bots.platforms.test-page", "127.0.0.1",
			// the recorder from this test's class path, with short chunks so the test
			// need not wait long
			"aigenda.meeting-controller.local.command[0]", "env", "aigenda.meeting-controller.local.command[1]",
			"AIGENDA_CHUNK_SECONDS=4", "aigenda.meeting-controller.local.command[2]",
			Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			"aigenda.meeting-controller.local.command[3]", "-cp", "aigenda.meeting-controller.local.command[4]",
			System.getProperty("java.class.path"), "aigenda.meeting-controller.local.command[5]",
			RecorderAgent.class.getName());

	@TempDir
	static Path dataDir;

	static Platform platform;

	static HttpServer meetingPage;

	@BeforeAll
	static void start() throws Exception {
		sql("create database " + DATABASE);
		SETTINGS.forEach(System::setProperty);
		platform = Platform
			.start(Map.of("aigenda.data-dir", dataDir.toString(), "aigenda.port", "0", "aigenda.database.url",
					"jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "aigenda.database.username", "postgres",
					"aigenda.broker.embedded", "true", "aigenda.messaging.namespace", "test-" + UUID.randomUUID()));
		meetingPage = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		meetingPage.createContext("/meeting/", MeetingBotEndToEndTests::page);
		meetingPage.start();
	}

	@AfterAll
	static void stop() throws Exception {
		if (meetingPage != null) {
			meetingPage.stop(0);
		}
		if (platform != null) {
			platform.close();
		}
		SETTINGS.keySet().forEach(System::clearProperty);
		sql("drop database if exists " + DATABASE + " with (force)");
	}

	@Test
	void aBotRecordsACallUntilItEndsAndTheTranscriptHasBothSpeakers() throws Exception {
		String meeting = createMeeting("Bot joins a call");
		String bot = invite(meeting, "room-1");

		JsonNode processed = awaitMeeting(meeting, "PROCESSED");

		JsonNode view = get("/api/v1/meetings/" + meeting + "/bot");
		assertThat(view.path("state").asString()).isEqualTo("DONE");
		assertThat(view.path("detail").asString()).contains("meeting ended");
		assertThat(view.path("chunks").asInt()).isGreaterThanOrEqualTo(3);
		assertThat(view.path("serverSeconds").asLong()).isBetween(25L, 120L);
		assertThat(processed.path("speakerCount").asInt()).isEqualTo(2);
		JsonNode transcript = get("/api/v1/meetings/" + meeting + "/transcript");
		String text = transcript.path("words")
			.valueStream()
			.map(w -> w.path("text").asString().toLowerCase())
			.collect(Collectors.joining(" "));
		assertThat(text).contains("hello", "chicago", "jersey", "texas");
		Set<String> speakers = transcript.path("words")
			.valueStream()
			.map(w -> w.path("speaker").asString())
			.collect(Collectors.toSet());
		assertThat(speakers).hasSize(2);
		await().atMost(Duration.ofSeconds(15)).until(() -> processesOf(bot).isEmpty());
		System.out.printf("bot: %s, %d chunks, %d server-seconds, recording %.1f s, %d words, speakers %s%n",
				view.path("state").asString(), view.path("chunks").asInt(), view.path("serverSeconds").asLong(),
				processed.path("durationSeconds").asDouble(), transcript.path("words").size(), speakers);
		System.out.println("transcript: " + text);
	}

	@Test
	void aRecorderKilledMidCallFailsTheBotAndWhatItUploadedIsStillProcessed() throws Exception {
		String meeting = createMeeting("Bot killed mid-call");
		String bot = invite(meeting, "room-2");
		await().atMost(Duration.ofMinutes(2))
			.until(() -> get("/api/v1/meetings/" + meeting + "/bot").path("chunks").asInt() >= 4);
		ProcessHandle recorder = processesOf(bot).stream()
			.filter(p -> commandLine(p.pid()).contains("--aigenda-bot=" + bot))
			.findFirst()
			.orElseThrow();

		recorder.destroyForcibly();

		await().atMost(Duration.ofSeconds(30))
			.until(() -> "FAILED".equals(get("/api/v1/meetings/" + meeting + "/bot").path("state").asString()));
		JsonNode processed = awaitMeeting(meeting, "PROCESSED");
		// what was uploaded before the kill: at least the four chunks, not the whole call
		assertThat(processed.path("durationSeconds").asDouble()).isBetween(12.0, 29.0);
		JsonNode transcript = get("/api/v1/meetings/" + meeting + "/transcript");
		assertThat(transcript.path("words").size()).isGreaterThan(5);
		// the browser, the sound server and ffmpeg went with it
		await().atMost(Duration.ofSeconds(15)).until(() -> processesOf(bot).isEmpty());
	}

	private static String createMeeting(String title) throws Exception {
		HttpResponse<String> created = send("POST", "/api/v1/meetings",
				"{\"title\":\"" + title + "\",\"language\":\"en\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JSON.readTree(created.body()).path("id").asString();
	}

	private static String invite(String meeting, String room) throws Exception {
		String url = "http://127.0.0.1:" + meetingPage.getAddress().getPort() + "/meeting/" + room;
		HttpResponse<String> invited = send("POST", "/api/v1/meetings/" + meeting + "/bot",
				"{\"url\":\"" + url + "\",\"maxDurationMinutes\":5}");
		assertThat(invited.statusCode()).as(invited.body()).isEqualTo(202);
		return JSON.readTree(invited.body()).path("id").asString();
	}

	private static JsonNode awaitMeeting(String meeting, String state) throws Exception {
		await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			String now = get("/api/v1/meetings/" + meeting).path("state").asString();
			if ("FAILED".equals(now) && !"FAILED".equals(state)) {
				throw new AssertionError("Meeting failed: " + get("/api/v1/meetings/" + meeting));
			}
			return state.equals(now);
		});
		return get("/api/v1/meetings/" + meeting);
	}

	/**
	 * Every process whose command line names the bot: the recorder (its marker argument),
	 * its browser (the profile folder), the sound server (its socket folder).
	 */
	private static List<ProcessHandle> processesOf(String bot) {
		return ProcessHandle.allProcesses()
			.filter(ProcessHandle::isAlive)
			.filter(p -> commandLine(p.pid()).contains(bot))
			.toList();
	}

	/**
	 * The whole command line from /proc (the JDK's process info leaves long ones out).
	 */
	private static String commandLine(long pid) {
		try {
			return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}

	private static JsonNode get(String path) throws Exception {
		HttpResponse<String> response = send("GET", path, null);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static HttpResponse<String> send(String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.backendUrl() + path))
			.header("Authorization", "Bearer " + platform.adminToken());
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void page(HttpExchange exchange) throws IOException {
		byte[] body;
		String type;
		if (exchange.getRequestURI().getPath().endsWith("/call.wav")) {
			body = Files.readAllBytes(PlatformFiles.SAMPLE);
			type = "audio/wav";
		}
		else {
			try (InputStream page = MeetingBotEndToEndTests.class.getResourceAsStream("/meeting/index.html")) {
				body = page.readAllBytes();
			}
			type = "text/html; charset=utf-8";
		}
		exchange.getResponseHeaders().add("Content-Type", type);
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static void sql(String statement) throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
				"postgres", ""); Statement s = connection.createStatement()) {
			s.execute(statement);
		}
	}

}
