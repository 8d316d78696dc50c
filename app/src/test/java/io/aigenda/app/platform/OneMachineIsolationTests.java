package io.aigenda.app.platform;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.aigenda.contracts.Language;
import io.aigenda.app.Console;
import io.aigenda.app.PlatformFiles;
import io.aigenda.app.TestPlatform;
import io.aigenda.app.client.BackendClient;
import io.aigenda.app.process.MeetingProcessor;
import io.aigenda.messaging.Topology;
import io.aigenda.observability.PipelineMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two one-JVM platforms on one machine, with nothing configured but their data folders,
 * on the machine's RabbitMQ: as a {@code serve} and a {@code process} run side by side.
 * Each keeps to queues of its own, and a second platform on a data folder in use is told
 * so.
 */
class OneMachineIsolationTests {

	private static final Duration BOTH_FINISH_WITHIN = Duration.ofMinutes(2);

	@TempDir
	static Path folder;

	private static Platform serve;

	private static Platform other;

	@BeforeAll
	static void startTwoPlatformsAtOnce() {
		ExecutorService starting = Executors.newFixedThreadPool(2);
		try {
			// defaults for everything but the data folder: embedded PostgreSQL, the
			// machine's
			// RabbitMQ (it answers on 127.0.0.1:5672), embedded S3
			CompletableFuture<Platform> first = CompletableFuture
				.supplyAsync(() -> Platform.start(Map.of("aigenda.data-dir", folder.resolve("serve").toString(),
						"aigenda.port", "0", "aigenda.command", "serve")), starting);
			CompletableFuture<Platform> second = CompletableFuture.supplyAsync(
					() -> Platform
						.start(Map.of("aigenda.data-dir", folder.resolve("process").toString(), "aigenda.port", "0")),
					starting);
			serve = first.join();
			other = second.join();
		}
		finally {
			starting.shutdown();
		}
	}

	@AfterAll
	static void stop() {
		for (Platform platform : new Platform[] { serve, other }) {
			if (platform != null) {
				String namespace = platform.namespace();
				platform.close();
				TestPlatform.deleteNamespace(namespace);
			}
		}
	}

	@Test
	void twoPlatformsWithDefaultSettingsOnOneBrokerEachFinishTheirOwnMeetings() {
		assertThat(serve.brokerDescription()).startsWith("RabbitMQ on 127.0.0.1:5672");
		assertThat(serve.namespace()).startsWith("aigenda-").isNotEqualTo(other.namespace());
		assertThat(serve.namespace()).isEqualTo(DataDirectory.namespaceFor(folder.resolve("serve")));

		List<CompletableFuture<MeetingProcessor.Result>> meetings = new ArrayList<>();
		ExecutorService uploading = Executors.newFixedThreadPool(4);
		try {
			for (Platform platform : new Platform[] { serve, other }) {
				for (Path recording : List.of(PlatformFiles.JFK, PlatformFiles.SAMPLE)) {
					meetings.add(CompletableFuture
						.supplyAsync(() -> processor(platform).process(recording, Language.EN), uploading));
				}
			}
			CompletableFuture.allOf(meetings.toArray(CompletableFuture[]::new)).join();
		}
		finally {
			uploading.shutdown();
		}

		assertThat(meetings).allSatisfy((meeting) -> assertThat(meeting.join().failureReason()).isNull());
		for (Platform platform : new Platform[] { serve, other }) {
			assertThat(deadLetters(platform)).as("dead letters of %s", platform.namespace()).isZero();
			MeterRegistry registry = platform.context(Service.ML_CONTROLLER).getBean(MeterRegistry.class);
			assertThat(registry.find(PipelineMeters.EVENTS_UNKNOWN_STEP).counters())
				.as("events of steps another controller dispatched")
				.isNotEmpty()
				.allSatisfy((counter) -> assertThat(counter.count()).isZero());
			assertThat(registry.find(PipelineMeters.EVENTS_SUPERSEDED_STEP)
				.counters()
				.stream()
				.mapToDouble(Counter::count)
				.sum()).isZero();
		}
	}

	@Test
	void aSecondPlatformOnADataFolderInUseIsToldWhoHoldsIt() {
		assertThatThrownBy(() -> Platform.start(Map.of("aigenda.data-dir", folder.resolve("serve").toString(),
				"aigenda.port", "0", "aigenda.command", "process")))
			.isInstanceOf(DataDirectory.InUseException.class)
			.hasMessage(
					"The data folder " + folder.resolve("serve").toAbsolutePath() + " is in use by aigenda serve (pid "
							+ ProcessHandle.current().pid() + "); stop it, or give this one its own --data-dir");
	}

	@Test
	void processOnTheDataFolderOfARunningServeSendsItsRecordingsThere() {
		Path out = folder.resolve("out");

		Console console = Console.run("process", "--data-dir", folder.resolve("serve").toString(), "--out",
				out.toString(), "--lang", "en", PlatformFiles.JFK.toString());

		assertThat(console.exitCode()).as(console.err()).isZero();
		assertThat(console.err()).contains("AiGenda is already serving " + folder.resolve("serve").toAbsolutePath()
				+ " at " + serve.backendUrl() + " (pid " + ProcessHandle.current().pid() + ")");
		assertThat(console.out()).contains("jfk.wav: ").contains(out.resolve("jfk.transcript.json").toString());
	}

	private static MeetingProcessor processor(Platform platform) {
		return new MeetingProcessor(new BackendClient(platform.backendUrl(), platform.adminToken()),
				folder.resolve("out-" + platform.namespace()), new PrintStream(new ByteArrayOutputStream(), true),
				false, BOTH_FINISH_WITHIN);
	}

	private static long deadLetters(Platform platform) {
		Platform.BrokerAddress broker = platform.broker();
		CachingConnectionFactory connections = new CachingConnectionFactory(broker.host(), broker.port());
		connections.setUsername(broker.username());
		connections.setPassword(broker.password());
		try {
			RabbitAdmin admin = new RabbitAdmin(connections);
			Topology topology = new Topology(broker.namespace());
			long total = 0;
			for (String base : Topology.queueBases()) {
				Properties queue = admin.getQueueProperties(topology.deadLetterQueue(base));
				total += (queue != null) ? ((Number) queue.get(RabbitAdmin.QUEUE_MESSAGE_COUNT)).longValue() : 0;
			}
			return total;
		}
		finally {
			connections.destroy();
		}
	}

}
