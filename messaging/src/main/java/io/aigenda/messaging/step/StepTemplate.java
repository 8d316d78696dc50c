package io.aigenda.messaging.step;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.aigenda.contracts.FailureCategory;
import io.aigenda.contracts.StepCommand;
import io.aigenda.contracts.StepFailed;
import io.aigenda.contracts.StepProgress;
import io.aigenda.messaging.Messages;
import io.aigenda.messaging.transfer.ArtifactTransfer;
import io.aigenda.messaging.transfer.TransferMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.core.JacksonException;

/**
 * The step protocol every worker follows, written once: the meeting in the log context,
 * the input fetched through its presigned URL (a recording to a temporary file that is
 * always deleted, a document into its type), progress from 0 to 1, the result stored
 * through the command's presigned PUT URL, the processing time handed to the ready event,
 * and every failure answered. A failure the template or the worker can name becomes a
 * {@link StepFailed} with a reason, a category and whether another attempt can succeed;
 * anything else is thrown, so the listener retries the delivery and then dead-letters it
 * with the reason. Running a step twice stores the same result under the same key, so
 * redelivery is harmless.
 *
 * <pre>
 * &#64;RabbitListener(queues = "...")
 * void on(Transcribe command) {
 * 	this.steps.run(command, PLAN, StepInput.recording(command.audioUrl()),
 * 			(audio, progress) -&gt; transcribe(command, audio, progress));
 * }
 * </pre>
 */
public class StepTemplate {

	/**
	 * Log context entry naming the meeting; observability's {@code MeetingContext} too.
	 */
	public static final String MEETING_ID = "meetingId";

	/** Log context entry naming the step. */
	public static final String STEP_ID = "stepId";

	private static final Logger log = LoggerFactory.getLogger(StepTemplate.class);

	private final Messages messages;

	private final ArtifactTransfer transfer;

	private final WorkerProperties properties;

	/**
	 * Repeats the latest progress of the steps at work; one daemon thread for them all.
	 */
	private final ScheduledExecutorService heartbeats = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("step-progress-heartbeat").factory());

	public StepTemplate(Messages messages, WorkerProperties properties, TransferMeter meter) {
		this.messages = messages;
		this.properties = properties;
		this.transfer = new ArtifactTransfer(properties.connectTimeout(), properties.transferTimeout(), meter);
	}

	/**
	 * Runs one step of {@code command}: fetches {@code input}, hands it to {@code work},
	 * stores the result and announces it.
	 * @throws RuntimeException a failure neither the template nor the plan classified;
	 * the listener's retries and dead-lettering take it from there
	 */
	public <I> void run(StepCommand command, StepPlan plan, StepInput<I> input, StepWork<I> work) {
		long started = System.nanoTime();
		String label = label(command);
		try (LogContext context = LogContext.of(command)) {
			Runnable outcome;
			try (TemporaryFiles files = new TemporaryFiles(this.properties.temporaryFolder(), prefix(command));
					Heartbeat heartbeat = new Heartbeat(command)) {
				log.info("{} of meeting {} started (step {}, attempt {})", label, command.meetingId(), command.stepId(),
						command.attempt());
				try {
					outcome = execute(command, plan, input, work, files, started, label, heartbeat);
				}
				catch (Failure failure) {
					outcome = () -> fail(command, label, failure);
				}
				catch (RuntimeException ex) {
					log.warn("{} of meeting {} failed unexpectedly; the delivery is retried, then dead-lettered", label,
							command.meetingId(), ex);
					throw ex;
				}
			}
			// told once the step's temporary files are gone and its progress has stopped
			outcome.run();
		}
	}

	/** Does the step's work and stores its result; returns how to tell the outcome. */
	private <I> Runnable execute(StepCommand command, StepPlan plan, StepInput<I> input, StepWork<I> work,
			TemporaryFiles files, long started, String label, Heartbeat heartbeat) {
		StepPlan.Stage fetching = plan.fetchingStage();
		StepPlan.Stage working = plan.workingStage();
		heartbeat.progress(0, fetching.message());
		I value = fetch(input, files);
		heartbeat.progress(fetching.share(), working.message());
		StepResult result = work(plan, work, value, (fraction, message) -> heartbeat
			.progress(fetching.share() + working.share() * Math.clamp(fraction, 0.0, 1.0), message));
		heartbeat.progress(fetching.share() + working.share(), plan.storingMessage());
		store(plan, command, result);
		double seconds = (System.nanoTime() - started) / 1e9;
		return () -> {
			progress(command, 1, plan.doneMessage());
			this.messages.publishEvent(result.readyEvent().apply(seconds));
			log.info("{} of meeting {} done in {} s: {}", label, command.meetingId(),
					String.format(Locale.ROOT, "%.2f", seconds), result.summary());
		};
	}

	@SuppressWarnings("unchecked")
	private <I> I fetch(StepInput<I> input, TemporaryFiles files) {
		return switch (input) {
			case StepInput.Recording recording -> (I) download(recording, files);
			case StepInput.Document<?> document -> (I) read(document);
		};
	}

	/** A recording goes straight to a file, never into the heap. */
	private Path download(StepInput.Recording recording, TemporaryFiles files) {
		Path file;
		try {
			file = files.create(".audio");
		}
		catch (IOException ex) {
			// A full or unwritable disk is this worker's trouble; another may have room.
			throw new Failure("No room for the recording on this worker: " + ex.getClass().getSimpleName() + " "
					+ ex.getMessage(), true, FailureCategory.OTHER);
		}
		try {
			this.transfer.download(recording.url(), file);
		}
		catch (ArtifactTransfer.TransferException ex) {
			throw transferFailure(recording.name(), ex);
		}
		return file;
	}

	private Object read(StepInput.Document<?> document) {
		try {
			return this.transfer.readJson(document.url(), document.type());
		}
		catch (ArtifactTransfer.TransferException ex) {
			throw transferFailure(document.name(), ex);
		}
		catch (JacksonException ex) {
			// the same document would be as broken on every attempt
			throw new Failure("The " + document.name() + " is not valid JSON: " + ex.getOriginalMessage(), false,
					FailureCategory.OTHER);
		}
	}

	private static <I> StepResult work(StepPlan plan, StepWork<I> work, I input, WorkProgress progress) {
		try {
			return work.work(input, progress);
		}
		catch (RuntimeException ex) {
			Optional<StepPlan.Classified> classified = plan.classify(ex);
			if (classified.isEmpty()) {
				throw ex;
			}
			Throwable cause = classified.get().exception();
			String reason = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
			throw new Failure(reason, false, classified.get().category());
		}
	}

	private void store(StepPlan plan, StepCommand command, StepResult result) {
		try {
			this.transfer.putJson(command.resultUploadUrl(), result.json());
		}
		catch (ArtifactTransfer.TransferException ex) {
			throw transferFailure(plan.result(), ex);
		}
	}

	private static Failure transferFailure(String what, ArtifactTransfer.TransferException ex) {
		return new Failure(capitalised(what) + " " + ex.getMessage(), ex.retryable(),
				ex.timedOut() ? FailureCategory.TIMEOUT : FailureCategory.TRANSFER);
	}

	private void progress(StepCommand command, double fraction, String message) {
		this.messages
			.publishEvent(new StepProgress(command.meetingId(), command.stepId(), command.step(), fraction, message));
	}

	private void fail(StepCommand command, String label, Failure failure) {
		// reasons reach people in the web app: one line
		String reason = failure.getMessage().replaceAll("\\s+", " ").strip();
		log.warn("{} of meeting {} failed ({}, {}): {}", label, command.meetingId(),
				failure.retryable ? "retryable" : "final", failure.category.name().toLowerCase(Locale.ROOT), reason);
		this.messages.publishEvent(new StepFailed(command.meetingId(), command.stepId(), command.attempt(),
				command.step(), reason, failure.retryable, failure.category));
	}

	private static String label(StepCommand command) {
		return capitalised(command.step().name().toLowerCase(Locale.ROOT).replace('_', ' '));
	}

	private static String prefix(StepCommand command) {
		return "aigenda-" + command.step().name().toLowerCase(Locale.ROOT).replace('_', '-') + "-";
	}

	/**
	 * A step's progress, told when it changes and repeated every
	 * {@code aigenda.worker.progress-heartbeat} while nothing newer comes, until the step
	 * ends. A model busy for minutes with one recording reports nothing new; without the
	 * repetition, people would see it stalled, and with it, a silent step really is.
	 */
	private final class Heartbeat implements AutoCloseable {

		private final StepCommand command;

		private final ScheduledFuture<?> repeating;

		private volatile double fraction;

		private volatile String message;

		private volatile long toldAt = System.nanoTime();

		private volatile boolean closed;

		Heartbeat(StepCommand command) {
			this.command = command;
			long every = Math.max(1, StepTemplate.this.properties.progressHeartbeat().toMillis());
			this.repeating = StepTemplate.this.heartbeats.scheduleWithFixedDelay(this::repeat, every, every,
					TimeUnit.MILLISECONDS);
		}

		synchronized void progress(double fraction, String message) {
			this.fraction = fraction;
			this.message = message;
			tell();
		}

		private synchronized void repeat() {
			long quiet = System.nanoTime() - this.toldAt;
			if (!this.closed && this.message != null
					&& quiet >= StepTemplate.this.properties.progressHeartbeat().toNanos() / 2) {
				try {
					tell();
				}
				catch (RuntimeException ex) {
					// the broker is away for a moment; the step itself will notice if it
					// lasts
					log.debug("Could not repeat the progress of meeting {}: {}", this.command.meetingId(),
							ex.getMessage());
				}
			}
		}

		private void tell() {
			StepTemplate.this.progress(this.command, this.fraction, this.message);
			this.toldAt = System.nanoTime();
		}

		@Override
		public synchronized void close() {
			this.closed = true;
			this.repeating.cancel(false);
		}

	}

	private static String capitalised(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/** A failure the step answers with {@link StepFailed}. */
	private static final class Failure extends RuntimeException {

		private final boolean retryable;

		private final FailureCategory category;

		Failure(String reason, boolean retryable, FailureCategory category) {
			super(reason, null, false, false);
			this.retryable = retryable;
			this.category = category;
		}

	}

	/**
	 * The meeting and step in the log context while the step runs; whatever was there
	 * before (the whole delivery's context, retries included) comes back afterwards.
	 */
	private record LogContext(String meeting, String step) implements AutoCloseable {

		static LogContext of(StepCommand command) {
			LogContext previous = new LogContext(MDC.get(MEETING_ID), MDC.get(STEP_ID));
			MDC.put(MEETING_ID, String.valueOf(command.meetingId()));
			MDC.put(STEP_ID, String.valueOf(command.stepId()));
			return previous;
		}

		@Override
		public void close() {
			restore(MEETING_ID, this.meeting);
			restore(STEP_ID, this.step);
		}

		private static void restore(String key, String value) {
			if (value == null) {
				MDC.remove(key);
			}
			else {
				MDC.put(key, value);
			}
		}

	}

}
