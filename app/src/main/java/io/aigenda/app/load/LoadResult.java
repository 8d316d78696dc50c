package io.aigenda.app.load;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * What a load run measured.
 *
 * @param submitted meetings the run tried to create and upload
 * @param rejected of those, meetings the API did not accept (a defect)
 * @param lost accepted meetings neither processed nor failed when the run gave up waiting
 * @param duplicated processed meetings whose transcript holds its words twice
 * @param submitSeconds from the first request to the last upload accepted
 * @param driverSeconds from the first request until the last meeting was seen finished
 * @param serverSeconds from the first meeting's creation to the last one's processing, by
 * the server's clock (the throughput's base: it does not depend on how often the driver
 * polls)
 * @param audioSeconds audio in the processed meetings
 * @param queuesWatched whether the broker's queues could be asked from the driver
 * @param drained the work queues were empty on three looks in a row after the last
 * meeting
 * @param heapStartBytes heap in use before the run, after a collection; negative when
 * unknown
 * @param heapPeakBytes largest heap in use sampled during the run (every 200 ms)
 * @param heapEndBytes heap in use after the backlog drained, after a collection
 */
public record LoadResult(int uploads, int meetings, double clipSeconds, int submitted, int rejected, int processed,
		int failed, int lost, int duplicated, Map<String, Integer> failureReasons, double submitSeconds,
		double driverSeconds, double serverSeconds, double audioSeconds, Map<String, Latencies.Summary> latencies,
		Map<String, Integer> requestErrors, boolean queuesWatched, Map<String, Long> maxQueueDepths,
		long maxTotalQueueDepth, Map<String, Long> finalQueueDepths, boolean drained, long heapStartBytes,
		long heapPeakBytes, long heapEndBytes) {

	/** Meetings processed per minute of the server's wall time. */
	public double meetingsPerMinute() {
		return this.serverSeconds > 0 ? this.processed / (this.serverSeconds / 60) : 0;
	}

	/** Minutes of audio processed per minute of wall time. */
	public double audioMinutesPerMinute() {
		return this.serverSeconds > 0 ? this.audioSeconds / this.serverSeconds : 0;
	}

	/** Meetings not processed exactly once: refused, failed, lost or duplicated. */
	public int defects() {
		return this.rejected + this.failed + this.lost + this.duplicated;
	}

	public void print(PrintStream out) {
		out.printf(Locale.ROOT, "Load: %d recordings uploaded in parallel + %d clips of %.1f s queued at once%n",
				this.uploads, this.meetings, this.clipSeconds);
		out.printf(Locale.ROOT,
				"meetings     submitted %d, processed %d, failed %d, lost %d, duplicated %d, " + "not accepted %d%n",
				this.submitted, this.processed, this.failed, this.lost, this.duplicated, this.rejected);
		this.failureReasons.entrySet()
			.stream()
			.limit(5)
			.forEach(reason -> out.printf(Locale.ROOT, "  %d x %s%n", reason.getValue(), reason.getKey()));
		out.printf(Locale.ROOT,
				"wall time    %.1f s (queued in %.1f s; server clock, first created to last processed: " + "%.1f s)%n",
				this.driverSeconds, this.submitSeconds, this.serverSeconds);
		out.printf(Locale.ROOT, "throughput   %.1f meetings/min, %.2f audio min per wall min (%.1f min of audio)%n",
				meetingsPerMinute(), audioMinutesPerMinute(), this.audioSeconds / 60);
		out.printf(Locale.ROOT, "%-12s %8s %9s %9s %9s %9s %7s%n", "API latency", "requests", "p50 ms", "p95 ms",
				"p99 ms", "max ms", "errors");
		this.latencies.forEach((name, s) -> out.printf(Locale.ROOT, "  %-10s %8d %9.1f %9.1f %9.1f %9.1f %7d%n", name,
				s.count(), s.p50(), s.p95(), s.p99(), s.max(), this.requestErrors.getOrDefault(name, 0)));
		if (this.queuesWatched) {
			out.printf(Locale.ROOT, "queues       max waiting %d messages in all; after the run: %s%n",
					this.maxTotalQueueDepth, this.drained ? "drained to 0" : "NOT drained " + this.finalQueueDepths);
			this.maxQueueDepths.entrySet()
				.stream()
				.filter(depth -> depth.getValue() > 0)
				.forEach(depth -> out.printf(Locale.ROOT, "  %-28s max %d, now %d%n", depth.getKey(), depth.getValue(),
						this.finalQueueDepths.getOrDefault(depth.getKey(), 0L)));
		}
		else {
			out.println("queues       not watched (give --amqp and --namespace to watch a remote broker)");
		}
		out.printf(Locale.ROOT, "heap         start %s, peak %s, end %s (start and end after a collection)%n",
				mib(this.heapStartBytes), mib(this.heapPeakBytes), mib(this.heapEndBytes));
	}

	static String mib(long bytes) {
		return bytes < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
	}

}
