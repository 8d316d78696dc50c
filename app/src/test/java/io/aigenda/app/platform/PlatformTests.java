package io.aigenda.app.platform;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.aigenda.app.TestPlatform;
import io.aigenda.app.AigendaCli;
import io.aigenda.app.PlatformFiles;
import io.aigenda.app.client.BackendClient;
import io.aigenda.app.process.MeetingProcessor;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.MinutesSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every service in one JVM on this machine's PostgreSQL (a fresh database) and RabbitMQ
 * (a fresh namespace), with the embedded S3 server: recordings go through the same
 * messages and presigned URLs as in a cluster.
 */
class PlatformTests {

	static final Path JFK = PlatformFiles.JFK;

	static final Path SAMPLE = PlatformFiles.SAMPLE;

	static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path dataDir;

	@TempDir
	static Path outDir;

	static TestPlatform running;

	static Platform platform;

	static BackendClient client;

	@BeforeAll
	static void start() throws Exception {
		running = TestPlatform.start(dataDir, TestPlatform.Broker.RABBITMQ);
		platform = running.platform();
		client = running.client();
	}

	@AfterAll
	static void stop() throws Exception {
		if (running != null) {
			running.close();
		}
	}

	private static MeetingProcessor processor(Path out) {
		return new MeetingProcessor(client, out, new PrintStream(new ByteArrayOutputStream(), true), false,
				Duration.ofMinutes(10));
	}

	@Test
	void recordingIsTranscribedWithWordTimesAndMinutesThatMatchTheSchema() throws Exception {
		MeetingProcessor.Result result = processor(outDir.resolve("jfk")).process(JFK, Language.EN);

		assertThat(result.failureReason()).isNull();
		assertThat(result.written()).extracting(p -> p.getFileName().toString())
			.containsExactly("jfk.transcript.json", "jfk.txt", "jfk.srt", "jfk.minutes.json", "jfk.rttm");
		// The speaker turns as RTTM, readable by any scorer (here the project's own).
		assertThat(io.aigenda.diarization.eval.RttmFiles.read(outDir.resolve("jfk/jfk.rttm")).get("jfk")).isNotEmpty();
		JsonNode transcript = JSON.readTree(Files.readString(outDir.resolve("jfk/jfk.transcript.json")));
		JsonNode words = transcript.get("words");
		assertThat(words.size()).isGreaterThan(15);
		String text = words.valueStream().map(w -> w.get("text").asString()).collect(Collectors.joining(" "));
		assertThat(text).containsIgnoringCase("country");
		for (JsonNode word : words) {
			assertThat(word.get("end").asDouble()).isGreaterThan(word.get("start").asDouble());
			assertThat(word.get("speaker").asString()).matches("S[0-9]+");
		}
		assertThat(MinutesSchema.validate(Files.readString(outDir.resolve("jfk/jfk.minutes.json")))).isEmpty();
		assertThat(Files.readString(outDir.resolve("jfk/jfk.srt"))).contains("-->");
		assertThat(Files.readString(outDir.resolve("jfk/jfk.txt"))).containsIgnoringCase("country");

		// the meeting is indexed for search (by the ml-controller, asked through the
		// backend)
		JsonNode hits = null;
		for (int i = 0; i < 60; i++) {
			hits = search("what can you do for your country");
			if (hits.size() > 0) {
				break;
			}
			Thread.sleep(500);
		}
		assertThat(hits).isNotEmpty();
		assertThat(hits.get(0).get("text").asString()).containsIgnoringCase("country");
		assertThat(hits.get(0).get("start").asDouble()).isGreaterThanOrEqualTo(0);
	}

	private static JsonNode search(String query) throws Exception {
		java.net.http.HttpRequest request = java.net.http.HttpRequest
			.newBuilder(platform.backendUrl()
				.resolve("/api/v1/search?q=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8)))
			.header("Authorization", "Bearer " + platform.adminToken())
			.build();
		java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
			.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body()).get("results");
	}

	@Test
	void twoPeopleOnACallAreTwoSpeakers() throws Exception {
		MeetingProcessor.Result result = processor(outDir.resolve("sample")).process(SAMPLE, Language.EN);

		assertThat(result.failureReason()).isNull();
		assertThat(result.status().speakerCount()).isEqualTo(2);
		JsonNode transcript = JSON.readTree(Files.readString(outDir.resolve("sample/sample.transcript.json")));
		Set<String> speakers = transcript.get("words")
			.valueStream()
			.map(w -> w.get("speaker").asString())
			.collect(Collectors.toSet());
		assertThat(speakers).containsExactlyInAnyOrder("S1", "S2");
		// the turns the words were attributed by: both speakers, in time order
		JsonNode turns = transcript.get("turns");
		assertThat(turns.valueStream().map(t -> t.get("speaker").asString()).collect(Collectors.toSet()))
			.containsExactlyInAnyOrder("S1", "S2");
		assertThat(turns.valueStream().mapToDouble(t -> t.get("start").asDouble()).toArray()).isSorted();
		assertThat(turns.valueStream())
			.allSatisfy(t -> assertThat(t.get("end").asDouble()).isGreaterThan(t.get("start").asDouble()));
		assertThat(MinutesSchema.validate(Files.readString(outDir.resolve("sample/sample.minutes.json")))).isEmpty();
	}

	@Test
	void largeRecordingGoesThroughTheResumablePartUpload() throws Exception {
		// every file counts as large here, so this recording takes the presigned
		// multipart path
		BackendClient partsOnly = new BackendClient(platform.backendUrl(), platform.adminToken(), 0);
		Path out = outDir.resolve("parts");

		MeetingProcessor.Result result = new MeetingProcessor(partsOnly, out,
				new PrintStream(new ByteArrayOutputStream(), true), false, Duration.ofMinutes(10))
			.process(SAMPLE, Language.EN);

		assertThat(result.failureReason()).isNull();
		assertThat(result.status().durationSeconds()).isCloseTo(30.0, within(0.5));
		assertThat(JSON.readTree(Files.readString(out.resolve("sample.transcript.json"))).get("words").size())
			.isGreaterThan(20);
	}

	@Test
	void onlyTheBackendHoldsDatabaseAndStorageCredentials() {
		ConfigurableApplicationContext backend = platform.context(Service.BACKEND);
		assertThat(backend.getBeanNamesForType(DataSource.class)).isNotEmpty();
		assertThat(backend.getEnvironment().getProperty("aigenda.s3.secret-key")).isNotBlank();
		for (Service service : Set.of(Service.ASR_WORKER, Service.DIARIZATION_WORKER, Service.LLM_WORKER)) {
			ConfigurableApplicationContext context = platform.context(service);
			assertThat(context.getBeanNamesForType(DataSource.class)).as(service.displayName()).isEmpty();
			assertThat(context.getEnvironment().getProperty("aigenda.s3.secret-key")).as(service.displayName())
				.isNull();
			assertThat(context.getEnvironment().getProperty("aigenda.backend.service-token")).isNull();
		}
		// the meeting-controller keeps bot state in its own H2 file, and holds no backend
		// secret
		ConfigurableApplicationContext bots = platform.context(Service.MEETING_CONTROLLER);
		assertThat(bots.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:h2:file:");
		assertThat(bots.getEnvironment().getProperty("aigenda.s3.secret-key")).isNull();
		assertThat(bots.getEnvironment().getProperty("aigenda.backend.service-token")).isNull();
		ConfigurableApplicationContext controller = platform.context(Service.ML_CONTROLLER);
		assertThat(controller.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:h2:file:")
			.contains(dataDir.toString());
		assertThat(controller.getEnvironment().getProperty("aigenda.s3.secret-key")).isNull();
	}

	@Test
	void commandLineWritesResultsThroughARunningServer() {
		Path out = outDir.resolve("cli");

		int exitCode = AigendaCli.execute("process", "--server", platform.backendUrl().toString(), "--token",
				platform.adminToken(), "--lang", "en", "--out", out.toString(), JFK.toString());

		assertThat(exitCode).isZero();
		assertThat(out.resolve("jfk.transcript.json")).isRegularFile();
		assertThat(out.resolve("jfk.txt")).isRegularFile();
		assertThat(out.resolve("jfk.srt")).isRegularFile();
		assertThat(out.resolve("jfk.minutes.json")).isRegularFile();
	}

	@Test
	void fileThatIsNotAudioFailsInOneLineWithANonZeroExitCode() throws Exception {
		Path notAudio = Files.writeString(outDir.resolve("notes.wav"), "these are meeting notes, not a recording");
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream originalErr = System.err;
		int exitCode;
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		try {
			exitCode = AigendaCli.execute("process", "--server", platform.backendUrl().toString(), "--token",
					platform.adminToken(), "--out", outDir.resolve("bad").toString(), notAudio.toString());
		}
		finally {
			System.setErr(originalErr);
		}

		assertThat(exitCode).isEqualTo(1);
		String message = err.toString(StandardCharsets.UTF_8).strip();
		assertThat(message).startsWith("aigenda: notes.wav: ")
			.contains("415")
			.doesNotContain("Exception")
			.hasLineCount(1);
		assertThat(outDir.resolve("bad/notes.transcript.json")).doesNotExist();
	}

	@Test
	void wrongTokenIsRefusedInOneLine() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream originalErr = System.err;
		int exitCode;
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		try {
			exitCode = AigendaCli.execute("process", "--server", platform.backendUrl().toString(), "--token",
					"agk_not-a-token", "--out", outDir.resolve("denied").toString(), JFK.toString());
		}
		finally {
			System.setErr(originalErr);
		}

		assertThat(exitCode).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("aigenda: jfk.wav: ")
			.contains("401")
			.hasLineCount(1);
	}

}
