package io.aigenda.app.load;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.aigenda.app.client.ApiException;
import io.aigenda.app.client.BackendClient;
import io.aigenda.app.process.MeetingProcessor;
import io.aigenda.contracts.Language;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts a platform under load through its public REST API, as many clients at once would:
 * real recordings uploaded in parallel, and a backlog of short clips cut from real
 * recordings queued at once. Then it watches the backlog drain (status polls at a bounded
 * rate, transcript and minutes read as each meeting finishes), timing every request,
 * sampling the queue depths and the heap.
 */
public final class LoadDriver {

	/** Request classes whose latencies are reported. */
	static final List<String> CLASSES = List.of("create", "upload", "status", "read");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int POLLERS = 4;

	/**
	 * @param uploads real recordings uploaded, all at once, {@code parallel} at a time
	 * @param meetings meetings of one short clip each, queued right after the uploads
	 * @param clipSeconds length of each clip
	 * @param parallel clients creating meetings and uploading at the same time
	 * @param pollsPerSecond status polls per second, all meetings together, while the
	 * backlog drains
	 * @param timeout how long the backlog may take to drain before what is left counts as
	 * lost
	 * @param language the meetings' language
	 * @param recordings folder of real recordings (the evaluation set)
	 * @param workDir where the clips are written
	 */
	public record Settings(int uploads, int meetings, double clipSeconds, int parallel, double pollsPerSecond,
			Duration timeout, Language language, Path recordings, Path workDir) {

		public Settings {
			if (uploads < 0 || meetings < 0 || uploads + meetings == 0) {
				throw new IllegalArgumentException("--uploads and --meetings must not be negative, nor both 0");
			}
			if (parallel < 1 || pollsPerSecond <= 0 || clipSeconds <= 0) {
				throw new IllegalArgumentException("--parallel, --poll-rate and --clip-seconds must be positive");
			}
		}

	}

	private final BackendClient client;

	private final Settings settings;

	private final HeapGauge heap;

	private final QueueDepths queues;

	private final PrintStream progress;

	private final Map<String, Latencies> latencies = new LinkedHashMap<>();

	private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();

	private final List<Tracked> tracked = java.util.Collections.synchronizedList(new ArrayList<>());

	private final ConcurrentLinkedQueue<Tracked> pending = new ConcurrentLinkedQueue<>();

	private final AtomicInteger rejected = new AtomicInteger();

	private final Map<String, AtomicInteger> rejections = new ConcurrentHashMap<>();

	private final AtomicLong heapPeak = new AtomicLong(-1);

	private final Map<String, Long> maxDepths = new ConcurrentHashMap<>();

	private final AtomicLong maxTotalDepth = new AtomicLong();

	private volatile long lastTotal = -1;

	/**
	 * @param queues the broker's queues, or null when they cannot be watched from here
	 * @param progress a line now and then while the run goes on
	 */
	public LoadDriver(URI backend, String token, Settings settings, HeapGauge heap, QueueDepths queues,
			PrintStream progress) {
		this.client = new BackendClient(backend, token);
		this.settings = settings;
		this.heap = heap;
		this.queues = queues;
		this.progress = progress;
		CLASSES.forEach(name -> this.latencies.put(name, new Latencies()));
	}

	public LoadResult run() throws InterruptedException {
		List<Path> recordings = Recordings.under(this.settings.recordings());
		this.progress.printf("Cutting %d clips of %s s from %d recordings...%n", this.settings.meetings(),
				this.settings.clipSeconds(), recordings.size());
		List<Recordings.Clip> clips = Recordings.clips(recordings, this.settings.meetings(),
				this.settings.clipSeconds(), this.settings.workDir().resolve("clips"));
		this.heap.settle();
		long heapStart = this.heap.usedBytes();
		ScheduledExecutorService samplers = Executors.newScheduledThreadPool(2, daemon("aigenda-load-sampler"));
		samplers.scheduleAtFixedRate(this::sampleHeap, 0, 200, TimeUnit.MILLISECONDS);
		if (this.queues != null) {
			samplers.scheduleWithFixedDelay(this::sampleQueues, 0, 1, TimeUnit.SECONDS);
		}
		long started = System.nanoTime();
		long deadline = started + this.settings.timeout().toNanos();
		AtomicInteger submitting = new AtomicInteger(this.settings.uploads() + clips.size());
		ExecutorService pollers = Executors.newFixedThreadPool(POLLERS, daemon("aigenda-load-poller"));
		for (int i = 0; i < POLLERS; i++) {
			pollers.execute(() -> poll(submitting, deadline));
		}
		submit(recordings, clips, submitting);
		if (this.tracked.isEmpty()) {
			samplers.shutdownNow();
			pollers.shutdownNow();
			throw new IllegalStateException("No meeting was accepted: "
					+ this.rejections.keySet().stream().findFirst().orElse("nothing was sent"));
		}
		double submitSeconds = (System.nanoTime() - started) / 1e9;
		this.progress.printf("%d meetings queued in %.1f s (%d refused); waiting for the backlog to drain...%n",
				this.tracked.size(), submitSeconds, this.rejected.get());
		pollers.shutdown();
		while (!pollers.awaitTermination(30, TimeUnit.SECONDS)) {
			this.progress.printf("  %d of %d finished, %d queued messages%n", finishedCount(), this.tracked.size(),
					lastTotalDepth());
		}
		double driverSeconds = (System.nanoTime() - started) / 1e9;
		boolean drained = awaitEmptyQueues(Duration.ofSeconds(60));
		samplers.shutdownNow();
		samplers.awaitTermination(5, TimeUnit.SECONDS);
		this.heap.settle();
		long heapEnd = this.heap.usedBytes();
		return result(driverSeconds, submitSeconds, drained, heapStart, heapEnd);
	}

	/**
	 * Every meeting created and uploaded by {@code parallel} clients, all released at one
	 * moment.
	 */
	private void submit(List<Path> recordings, List<Recordings.Clip> clips, AtomicInteger submitting)
			throws InterruptedException {
		ExecutorService clients = Executors.newFixedThreadPool(this.settings.parallel(), daemon("aigenda-load-client"));
		CountDownLatch go = new CountDownLatch(1);
		// recordings first: the first `parallel` clients upload real recordings at the
		// same moment
		for (int i = 0; i < this.settings.uploads(); i++) {
			Path file = recordings.get(i % recordings.size());
			int n = i;
			clients.execute(() -> submitOne(go, "Load recording " + n, file, submitting));
		}
		for (int i = 0; i < clips.size(); i++) {
			Recordings.Clip clip = clips.get(i);
			int n = i;
			clients.execute(() -> submitOne(go, "Load clip " + n, clip.file(), submitting));
		}
		go.countDown();
		clients.shutdown();
		clients.awaitTermination(1, TimeUnit.DAYS);
	}

	private void submitOne(CountDownLatch go, String title, Path file, AtomicInteger submitting) {
		try {
			go.await();
			UUID id = timed("create", () -> this.client.createMeeting(title, this.settings.language()));
			timed("upload", () -> {
				this.client.uploadRecording(id, file, MeetingProcessor.contentType(file));
				return null;
			});
			Tracked meeting = new Tracked(id);
			this.tracked.add(meeting);
			this.pending.add(meeting);
		}
		catch (ApiException | java.io.UncheckedIOException ex) {
			this.rejected.incrementAndGet();
			this.rejections.computeIfAbsent(ex.getMessage(), reason -> new AtomicInteger()).incrementAndGet();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			submitting.decrementAndGet();
		}
	}

	/**
	 * One poller: takes the meeting waiting longest for a look, asks for its state, reads
	 * its transcript and minutes once it is processed, and puts it back otherwise. The
	 * pollers together keep to {@code pollsPerSecond}, so the polls do not take the CPU
	 * the pipeline needs.
	 */
	private void poll(AtomicInteger submitting, long deadline) {
		long pause = (long) (POLLERS * 1000 / this.settings.pollsPerSecond());
		try {
			while (System.nanoTime() < deadline) {
				Tracked meeting = this.pending.poll();
				if (meeting == null) {
					if (submitting.get() == 0 && this.pending.isEmpty()) {
						return;
					}
					Thread.sleep(100);
					continue;
				}
				try {
					JsonNode status = timed("status", () -> this.client.meetingJson(meeting.id));
					String state = status.path("state").asString("");
					if ("PROCESSED".equals(state)) {
						finished(meeting, status);
					}
					else if ("FAILED".equals(state)) {
						meeting.failure = status.path("failureReason").asString("failed");
						meeting.state = state;
					}
					else {
						this.pending.add(meeting);
					}
				}
				catch (ApiException ex) {
					// counted against its request class; the meeting is asked about again
					this.pending.add(meeting);
				}
				Thread.sleep(pause);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void finished(Tracked meeting, JsonNode status) {
		meeting.audioSeconds = status.path("durationSeconds").asDouble(0);
		meeting.createdAt = instant(status.path("createdAt"));
		meeting.processedAt = instant(status.path("processedAt"));
		JsonNode transcript = JSON.readTree(timed("read", () -> this.client.transcript(meeting.id)));
		timed("read", () -> this.client.minutes(meeting.id));
		meeting.duplicated = repeatsWords(transcript.path("words"));
		meeting.state = "PROCESSED";
	}

	/**
	 * A transcript stored twice shows its words twice: the same word at the same time
	 * again, or time going backwards.
	 */
	static boolean repeatsWords(JsonNode words) {
		Set<String> seen = new HashSet<>();
		double last = Double.NEGATIVE_INFINITY;
		for (JsonNode word : words) {
			double start = word.path("start").asDouble();
			if (start < last
					|| !seen.add(start + "|" + word.path("end").asDouble() + "|" + word.path("text").asString(""))) {
				return true;
			}
			last = start;
		}
		return false;
	}

	private <T> T timed(String requestClass, Supplier<T> call) {
		long started = System.nanoTime();
		try {
			return call.get();
		}
		catch (ApiException ex) {
			this.errors.computeIfAbsent(requestClass, name -> new AtomicInteger()).incrementAndGet();
			throw ex;
		}
		finally {
			this.latencies.get(requestClass).record((System.nanoTime() - started) / 1e6);
		}
	}

	private void sampleHeap() {
		long used = this.heap.usedBytes();
		this.heapPeak.accumulateAndGet(used, Math::max);
	}

	private void sampleQueues() {
		try {
			Map<String, Long> depths = this.queues.now();
			long total = 0;
			for (Map.Entry<String, Long> depth : depths.entrySet()) {
				this.maxDepths.merge(depth.getKey(), depth.getValue(), Math::max);
				total += depth.getValue();
			}
			this.maxTotalDepth.accumulateAndGet(total, Math::max);
			this.lastTotal = total;
		}
		catch (RuntimeException ex) {
			// one missed sample; the broker is asked again in a second
		}
	}

	private long lastTotalDepth() {
		return this.lastTotal;
	}

	/**
	 * Waits until the work queues are empty on three looks in a row; dead-letter queues
	 * are reported.
	 */
	private boolean awaitEmptyQueues(Duration timeout) throws InterruptedException {
		if (this.queues == null) {
			return false;
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		int empty = 0;
		while (empty < 3 && System.nanoTime() < deadline) {
			empty = workDepth(this.queues.now()) == 0 ? empty + 1 : 0;
			Thread.sleep(500);
		}
		return empty >= 3;
	}

	private static long workDepth(Map<String, Long> depths) {
		return depths.entrySet()
			.stream()
			.filter(e -> !e.getKey().endsWith(io.aigenda.contracts.Queues.DEAD_LETTER_SUFFIX))
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	private int finishedCount() {
		synchronized (this.tracked) {
			return (int) this.tracked.stream().filter(t -> t.state != null).count();
		}
	}

	private LoadResult result(double driverSeconds, double submitSeconds, boolean drained, long heapStart,
			long heapEnd) {
		List<Tracked> all;
		synchronized (this.tracked) {
			all = List.copyOf(this.tracked);
		}
		int processed = 0;
		int failed = 0;
		int lost = 0;
		int duplicated = 0;
		double audioSeconds = 0;
		Instant first = null;
		Instant last = null;
		Map<String, Integer> failures = new LinkedHashMap<>();
		for (Tracked meeting : all) {
			if ("PROCESSED".equals(meeting.state)) {
				processed++;
				audioSeconds += meeting.audioSeconds;
				duplicated += meeting.duplicated ? 1 : 0;
				first = earliest(first, meeting.createdAt);
				last = (last == null || (meeting.processedAt != null && meeting.processedAt.isAfter(last)))
						? meeting.processedAt : last;
			}
			else if ("FAILED".equals(meeting.state)) {
				failed++;
				failures.merge(meeting.failure, 1, Integer::sum);
			}
			else {
				lost++;
			}
		}
		this.rejections
			.forEach((reason, count) -> failures.merge("not accepted: " + reason, count.get(), Integer::sum));
		double serverSeconds = (first != null && last != null) ? Duration.between(first, last).toMillis() / 1000.0 : 0;
		Map<String, Latencies.Summary> summaries = new LinkedHashMap<>();
		Map<String, Integer> errorCounts = new LinkedHashMap<>();
		this.latencies.forEach((name, values) -> {
			summaries.put(name, values.summary());
			errorCounts.put(name, this.errors.getOrDefault(name, new AtomicInteger()).get());
		});
		Map<String, Long> finalDepths = this.queues != null ? this.queues.now() : Map.of();
		return new LoadResult(this.settings.uploads(), this.settings.meetings(), this.settings.clipSeconds(),
				all.size() + this.rejected.get(), this.rejected.get(), processed, failed, lost, duplicated, failures,
				submitSeconds, driverSeconds, serverSeconds, audioSeconds, summaries, errorCounts, this.queues != null,
				new LinkedHashMap<>(this.maxDepths), this.maxTotalDepth.get(), finalDepths, drained, heapStart,
				this.heapPeak.get(), heapEnd);
	}

	private static Instant earliest(Instant a, Instant b) {
		return (a == null || (b != null && b.isBefore(a))) ? b : a;
	}

	private static Instant instant(JsonNode node) {
		return node.isString() ? Instant.parse(node.asString()) : null;
	}

	private static java.util.concurrent.ThreadFactory daemon(String name) {
		AtomicInteger n = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/** One meeting the run created; its state is set once it has finished. */
	private static final class Tracked {

		final UUID id;

		volatile String state;

		volatile String failure;

		volatile boolean duplicated;

		volatile double audioSeconds;

		volatile Instant createdAt;

		volatile Instant processedAt;

		Tracked(UUID id) {
			this.id = id;
		}

	}

}
