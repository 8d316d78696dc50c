package io.aigenda.app.reliability;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.aigenda.app.PlatformFiles;
import io.aigenda.app.load.HeapGauge;
import io.aigenda.app.load.LoadDriver;
import io.aigenda.app.load.LoadResult;
import io.aigenda.app.load.QueueDepths;
import io.aigenda.contracts.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform under load, through the same REST API and the same pipeline as production:
 * real recordings uploaded by 20 clients at once, and a backlog of short clips cut from
 * real recordings queued at once. Every meeting must be processed exactly once, the
 * queues must drain, and the heap kept after the backlog must stay bounded.
 * {@code aigenda load} runs the full-size version.
 */
@ExtendWith(ReliabilityPlatform.Extension.class)
class LoadTests {

	/**
	 * Real recordings uploaded at the same moment, one client each: more clients than
	 * every consumer's prefetch, few enough that the recordings' audio fits a CI run on
	 * two cores. {@code aigenda load} runs 50.
	 */
	static final int UPLOADS = 10;

	/**
	 * Clips queued at once. On two quiet cores the pipeline finishes about 60 such
	 * meetings a minute, on cores shared with other builds 20: sized so the suite stays
	 * within the time a CI run gives it while the backlog still outnumbers every
	 * consumer's prefetch many times over. {@code aigenda load} runs 1000.
	 */
	static final int CLIPS = 60;

	static final double CLIP_SECONDS = 1.0;

	/**
	 * Heap the services may keep after the backlog has drained, beyond what they held
	 * before it.
	 */
	static final long RETAINED_HEAP_LIMIT = 256L * 1024 * 1024;

	/**
	 * The peak must leave the surefire JVM's 3 GiB a margin: no meeting or backlog holds
	 * its audio in the heap.
	 */
	static final long PEAK_HEAP_LIMIT = 2L * 1024 * 1024 * 1024;

	@Test
	void parallelUploadsAndAQueuedBacklogAreEachProcessedExactlyOnce(ReliabilityPlatform suite, @TempDir Path work)
			throws Exception {
		// the short real recordings, in the language the built-in model speaks (with
		// auto, Russian speech fails on purpose where no Russian model is installed)
		Path recordings = Files.createDirectories(work.resolve("recordings"));
		for (Path file : List.of(PlatformFiles.JFK,
				PlatformFiles.SHARED.resolve("eval-dev/asr/en/2412-153948-0000.flac"),
				PlatformFiles.SHARED.resolve("eval-dev/containers/jfk.mp3"),
				PlatformFiles.SHARED.resolve("eval-dev/containers/silero_test.opus"))) {
			Files.copy(file, recordings.resolve(file.getFileName()));
		}
		Api.Member member = suite.admin.newMember("Load");
		AtomicInteger deliveries = new AtomicInteger();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/", exchange -> {
			exchange.getRequestBody().readAllBytes();
			deliveries.incrementAndGet();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.start();
		String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/load-" + UUID.randomUUID();
		var created = member.api().send("POST", "/api/v1/webhooks", "{\"url\":\"" + hook + "\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		LoadResult result;
		Map<String, Long> before;
		try (QueueDepths queues = QueueDepths.connect("127.0.0.1", 5672, "guest", "guest", suite.virtualHost,
				suite.namespace)) {
			// the suite's other tests may have left dead letters; this run must add none
			before = queues.now();
			LoadDriver.Settings settings = new LoadDriver.Settings(UPLOADS, CLIPS, CLIP_SECONDS, UPLOADS, 20,
					Duration.ofMinutes(12), Language.EN, recordings, work);
			result = new LoadDriver(suite.platform.backendUrl(), member.api().token(), settings, HeapGauge.inProcess(),
					queues, System.out)
				.run();
		}
		finally {
			receiver.stop(0);
		}
		result.print(System.out);
		report(result);
		int expected = UPLOADS + CLIPS;

		assertThat(result.submitted()).isEqualTo(expected);
		assertThat(result.failureReasons()).as("failed or refused meetings").isEmpty();
		assertThat(result.processed()).isEqualTo(expected);
		assertThat(result.lost()).isZero();
		assertThat(result.duplicated()).isZero();
		assertThat(result.drained()).as("queues after the run: " + result.finalQueueDepths()).isTrue();
		result.finalQueueDepths().forEach((queue, depth) -> {
			long expectedDepth = queue.endsWith(".dlq") ? before.get(queue) : 0;
			assertThat(depth).as(queue + " after the run").isEqualTo(expectedDepth);
		});
		assertThat(result.heapEndBytes() - result.heapStartBytes()).as("heap kept after the backlog")
			.isLessThan(RETAINED_HEAP_LIMIT);
		assertThat(result.heapPeakBytes()).isLessThan(PEAK_HEAP_LIMIT);

		// exactly once, as the database has it: one PROCESSED state, one completion
		// event, one minutes
		// document per meeting, and no transcript word stored twice
		String organisation = single(suite, "select organisation_id::text from webhook_endpoints where url = ?", hook);
		assertThat(count(suite, "select count(*) from meetings where organisation_id = ?::uuid and state = 'PROCESSED'",
				organisation))
			.isEqualTo(expected);
		assertThat(count(suite, "select count(*) from meetings where organisation_id = ?::uuid", organisation))
			.isEqualTo(expected);
		assertThat(count(suite, """
				select count(*) from meetings m where m.organisation_id = ?::uuid and 1 <> (select count(*)
				from webhook_deliveries d where d.event_type = 'meeting.completed'
				and d.body::jsonb ->> 'meetingId' = m.id::text)""", organisation))
			.as("meetings not completed exactly once")
			.isZero();
		assertThat(count(suite, """
				select count(*) from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id
				where e.organisation_id = ?::uuid and d.event_type <> 'meeting.completed'""", organisation))
			.as("other events (meeting.failed)")
			.isZero();
		assertThat(count(suite,
				"select count(*) from minutes n join meetings m on m.id = n.meeting_id where m.organisation_id = ?::uuid",
				organisation))
			.isEqualTo(expected);
		assertThat(count(suite, """
				select count(*) from (select w.meeting_id from transcript_words w join meetings m on m.id = w.meeting_id
				where m.organisation_id = ?::uuid group by w.meeting_id, w.start_seconds, w.end_seconds, w.text
				having count(*) > 1) twice""", organisation)).as("transcript words stored twice").isZero();
	}

	private static void report(LoadResult result) {
		Report.load("meetings queued at once",
				String.format(Locale.ROOT, "%d real recordings (%d clients) + %d clips of " + "%.1f s",
						result.uploads(), UPLOADS, result.meetings(), result.clipSeconds()));
		Report.load("submitted / processed / failed / lost / duplicated", result.submitted() + " / "
				+ result.processed() + " / " + result.failed() + " / " + result.lost() + " / " + result.duplicated());
		Report.load("wall time, first created to last processed",
				String.format(Locale.ROOT, "%.1f s", result.serverSeconds()));
		Report.load("throughput", String.format(Locale.ROOT, "%.1f meetings/min, %.2f audio min per wall min",
				result.meetingsPerMinute(), result.audioMinutesPerMinute()));
		result.latencies()
			.forEach((name, s) -> Report.load("API latency " + name + " (p50 / p95 / p99 / max)",
					String.format(Locale.ROOT, "%s / %s / %s / %s ms over %d requests", ms(s.p50()), ms(s.p95()),
							ms(s.p99()), ms(s.max()), s.count())));
		Report.load("queues", "max " + result.maxTotalQueueDepth() + " messages waiting; "
				+ (result.drained() ? "drained to 0" : "NOT drained"));
		Report.load("heap (start / peak / end after drain)", String.format(Locale.ROOT, "%d / %d / %d MiB",
				result.heapStartBytes() >> 20, result.heapPeakBytes() >> 20, result.heapEndBytes() >> 20));
	}

	private static String ms(double millis) {
		return String.format(Locale.ROOT, "%.0f", millis);
	}

	private static long count(ReliabilityPlatform suite, String sql, String parameter) throws Exception {
		return Long.parseLong(single(suite, sql, parameter));
	}

	private static String single(ReliabilityPlatform suite, String sql, String parameter) throws Exception {
		try (Connection connection = suite.database(); PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, parameter);
			try (ResultSet rows = statement.executeQuery()) {
				assertThat(rows.next()).as(sql).isTrue();
				return rows.getString(1);
			}
		}
	}

}
