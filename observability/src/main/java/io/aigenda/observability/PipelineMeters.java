package io.aigenda.observability;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.aigenda.contracts.FailureCategory;
import io.aigenda.messaging.transfer.TransferMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * The domain meters every dashboard and alert is built on. Names here are the only place
 * they are spelled; {@code deploy/grafana} and {@code deploy/prometheus} use their
 * Prometheus forms, and a test checks that every name there is one this class (or Spring
 * Boot) registers.
 */
public class PipelineMeters {

	/** How long one pipeline step took in a worker, by step, model and outcome. */
	public static final String STEP_DURATION = "aigenda.step.duration";

	/**
	 * Processing time over audio duration for one step, by step and engine: below 1 is
	 * faster than real time.
	 */
	public static final String STEP_RTF = "aigenda.step.real.time.factor";

	/**
	 * Steps that failed, by step and reason: the failure's category, one of
	 * {@link #FAILURE_REASONS}.
	 */
	public static final String STEP_FAILURES = "aigenda.step.failures";

	/** Audio seconds processed, by step: throughput is its rate. */
	public static final String AUDIO_SECONDS = "aigenda.audio.processed.seconds";

	/** Meetings by state, as the backend sees them. */
	public static final String MEETINGS = "aigenda.meetings";

	/**
	 * Meetings finished (processed or failed) in the last 24 hours, by organisation and
	 * state.
	 */
	public static final String MEETINGS_FINISHED_LAST_DAY = "aigenda.meetings.finished.last.day";

	/**
	 * Bytes moved to and from S3, by direction: {@code in} is written into the store,
	 * {@code out} read out of it. Each service counts the transfers it makes itself
	 * (workers through presigned URLs, the backend through its client) and the backend
	 * also the client uploads it completes, so summing over services counts every byte
	 * once.
	 */
	public static final String S3_BYTES = "aigenda.s3.bytes";

	/** Recorder bots running now. */
	public static final String BOTS_ACTIVE = "aigenda.bots.active";

	/** Age of the oldest running recorder bot: alerts when a VM outlives its maximum. */
	public static final String BOTS_OLDEST_AGE = "aigenda.bots.oldest.age";

	/**
	 * The longest a recorder bot may live before it is stopped; a bot older than this
	 * leaked.
	 */
	public static final String BOTS_MAX_AGE = "aigenda.bots.max.age";

	/** Seconds of bot server time, by provider: the cost of recording. */
	public static final String BOT_SERVER_SECONDS = "aigenda.bots.server.seconds";

	/** Messages in each AiGenda queue, dead-letter queues included. */
	public static final String QUEUE_MESSAGES = "aigenda.queue.messages";

	/** Consumers on each AiGenda queue. */
	public static final String QUEUE_CONSUMERS = "aigenda.queue.consumers";

	/**
	 * How long a message waited in its queue, from its publish timestamp to its delivery,
	 * by queue. Its maximum is the age the head message had when it was taken: RabbitMQ's
	 * quorum queues do not report their head message's timestamp, and peeking at it would
	 * count as a delivery.
	 */
	public static final String QUEUE_WAIT = "aigenda.queue.wait";

	/**
	 * Worker events for a step the ml-controller never dispatched, by step:
	 * dead-lettered, since another controller (on the same queues) may be waiting for
	 * them. Above zero means two deployments share a broker namespace.
	 */
	public static final String EVENTS_UNKNOWN_STEP = "aigenda.events.unknown.step";

	/**
	 * Late answers of steps a retry replaced, by step: dropped by design, counted to be
	 * seen.
	 */
	public static final String EVENTS_SUPERSEDED_STEP = "aigenda.events.superseded.step";

	/** Items per inference batch, by step. */
	public static final String BATCH_SIZE = "aigenda.step.batch.size";

	/**
	 * The values of a failure's {@code reason} tag, one per {@link FailureCategory}:
	 * Prometheus needs few values, never free text.
	 */
	public static final List<String> FAILURE_REASONS = Arrays.stream(FailureCategory.values())
		.map(PipelineMeters::reason)
		.toList();

	private final MeterRegistry registry;

	private final MultiGauge finishedLastDay;

	public PipelineMeters(MeterRegistry registry) {
		this.registry = registry;
		this.finishedLastDay = MultiGauge.builder(MEETINGS_FINISHED_LAST_DAY)
			.description("Meetings finished in the last 24 hours")
			.register(registry);
	}

	/** One step done: its latency, and for audio steps its real-time factor. */
	public void stepCompleted(String step, String model, Duration took, double audioSeconds) {
		stepTimer(step, model, "success").record(took);
		if (audioSeconds > 0) {
			double seconds = took.toNanos() / 1e9;
			DistributionSummary.builder(STEP_RTF)
				.description("Processing time over audio duration")
				.tags("step", tag(step), "engine", tag(model))
				.publishPercentileHistogram()
				.minimumExpectedValue(0.01)
				.maximumExpectedValue(10.0)
				.register(registry)
				.record(seconds / audioSeconds);
			Counter.builder(AUDIO_SECONDS)
				.baseUnit("seconds")
				.tags("step", tag(step))
				.register(registry)
				.increment(audioSeconds);
		}
	}

	/** One step failed, counted by its category (never by its text). */
	public void stepFailed(String step, FailureCategory category) {
		failures(step, reason(category)).increment();
	}

	/**
	 * Registers a step's failure counters at zero, one per reason, before anything
	 * failed.
	 */
	public void stepFailuresStartAtZero(String step) {
		FAILURE_REASONS.forEach(reason -> failures(step, reason));
	}

	public void batch(String step, int items) {
		DistributionSummary.builder(BATCH_SIZE).tags("step", tag(step)).register(registry).record(items);
	}

	public void s3Bytes(Direction direction, long bytes) {
		Counter.builder(S3_BYTES)
			.baseUnit("bytes")
			.tag("direction", direction.name().toLowerCase(Locale.ROOT))
			.register(registry)
			.increment(bytes);
	}

	/**
	 * The S3 byte counters as a transfer meter, for artifact transfers through presigned
	 * URLs.
	 */
	public TransferMeter transfers() {
		return new TransferMeter() {
			@Override
			public void downloaded(long bytes) {
				s3Bytes(Direction.OUT, bytes);
			}

			@Override
			public void uploaded(long bytes) {
				s3Bytes(Direction.IN, bytes);
			}
		};
	}

	/** One message taken from a queue after waiting this long since it was published. */
	public void queueWait(String queue, Duration waited) {
		Timer.builder(QUEUE_WAIT)
			.description("Time from publishing a message to its delivery")
			.tag("queue", tag(queue))
			.register(registry)
			.record(waited.isNegative() ? Duration.ZERO : waited);
	}

	/** Meetings in one state, read from the database whenever Prometheus scrapes. */
	public void meetingsInState(String state, Supplier<Number> count) {
		Gauge.builder(MEETINGS, count).tag("state", tag(state)).strongReference(true).register(registry);
	}

	/**
	 * Meetings finished in the last 24 hours, one row per organisation and state; rows
	 * missing from a later call are removed, so a day without meetings shows none.
	 */
	public void meetingsFinishedLastDay(List<FinishedMeetings> rows) {
		finishedLastDay.register(rows.stream()
			.map(row -> MultiGauge.Row.of(Tags.of("organisation", tag(row.organisation()), "state", tag(row.state())),
					row.count()))
			.toList(), true);
	}

	/** Meetings of one organisation that reached one final state. */
	public record FinishedMeetings(String organisation, String state, long count) {
	}

	/**
	 * The recorder bots: how many run now, how old the oldest is and how old one may get.
	 */
	public void bots(Supplier<Number> active, Supplier<Duration> oldestAge, Duration maxAge) {
		Gauge.builder(BOTS_MAX_AGE, maxAge, max -> max.toMillis() / 1000.0)
			.baseUnit("seconds")
			.strongReference(true)
			.register(registry);
		Gauge.builder(BOTS_ACTIVE, active).strongReference(true).register(registry);
		Gauge.builder(BOTS_OLDEST_AGE, () -> oldestAge.get().toMillis() / 1000.0)
			.baseUnit("seconds")
			.strongReference(true)
			.register(registry);
	}

	public void botServerTime(String provider, Duration time) {
		Counter.builder(BOT_SERVER_SECONDS)
			.baseUnit("seconds")
			.tag("provider", tag(provider))
			.register(registry)
			.increment(time.toMillis() / 1000.0);
	}

	private Counter failures(String step, String reason) {
		return Counter.builder(STEP_FAILURES).tags("step", tag(step), "reason", tag(reason)).register(registry);
	}

	private Timer stepTimer(String step, String model, String outcome) {
		return Timer.builder(STEP_DURATION)
			.description("Time a worker spent on one pipeline step")
			.tags("step", tag(step), "model", tag(model), "outcome", outcome)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(100))
			.maximumExpectedValue(Duration.ofHours(2))
			.register(registry);
	}

	private static String reason(FailureCategory category) {
		return category.name().toLowerCase(Locale.ROOT);
	}

	private static String tag(String value) {
		return (value == null || value.isBlank()) ? "unknown" : value;
	}

	public enum Direction {

		/** Written into S3. */
		IN,

		/** Read out of S3. */
		OUT

	}

}
