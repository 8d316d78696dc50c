package io.aigenda.mlcontroller.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.aigenda.contracts.DiarizationReady;
import io.aigenda.contracts.MeetingDeleted;
import io.aigenda.contracts.MeetingFailed;
import io.aigenda.contracts.MinutesReady;
import io.aigenda.contracts.MinutesWritten;
import io.aigenda.contracts.ProcessMeeting;
import io.aigenda.contracts.FailureCategory;
import io.aigenda.contracts.StepFailed;
import io.aigenda.contracts.StepKind;
import io.aigenda.contracts.StepProgress;
import io.aigenda.contracts.TranscriptReady;
import io.aigenda.messaging.Messages;
import io.aigenda.mlcontroller.MlControllerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The state machine of every meeting's pipeline. Handlers are idempotent: each acts only
 * when its conditional transition in {@link PipelineStore} changed a row. Commands are
 * sent after the transition is stored, so a crash in between leaves a dispatched step
 * whose deadline brings it back; events that end a pipeline are published inside the
 * transaction that ends it, so a failed publish rolls the transition back and the event
 * is redelivered.
 */
@Service
public class PipelineEngine {

	private static final Logger log = LoggerFactory.getLogger(PipelineEngine.class);

	private final PipelineStore store;

	private final StepDispatcher dispatcher;

	private final Messages messages;

	private final MlControllerProperties properties;

	private final TransactionTemplate transaction;

	private final SearchIndexing searchIndexing;

	private final UnmatchedEventMeters meters;

	PipelineEngine(PipelineStore store, StepDispatcher dispatcher, Messages messages, MlControllerProperties properties,
			PlatformTransactionManager transactionManager, SearchIndexing searchIndexing, UnmatchedEventMeters meters) {
		this.searchIndexing = searchIndexing;
		this.meters = meters;
		this.store = store;
		this.dispatcher = dispatcher;
		this.messages = messages;
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	void start(ProcessMeeting command) {
		if (command.meetingId() == null || command.organisationId() == null) {
			// Poison: retrying cannot help, so the listener's recoverer dead-letters it.
			throw new IllegalArgumentException("ProcessMeeting without meetingId or organisationId");
		}
		Instant now = Instant.now();
		Step transcribe = firstAttempt(command.meetingId(), StepKind.TRANSCRIBE, command.durationSeconds(), now);
		Step diarize = firstAttempt(command.meetingId(), StepKind.DIARIZE, command.durationSeconds(), now);
		if (this.store.pipelineExists(command.meetingId())) {
			retry(command);
			return;
		}
		try {
			this.transaction.executeWithoutResult((status) -> {
				this.store.insertPipeline(command, now);
				this.store.insertStep(transcribe, now);
				this.store.insertStep(diarize, now);
			});
		}
		catch (DuplicateKeyException ex) {
			log.info("Meeting {} already has a pipeline; ProcessMeeting ignored", command.meetingId());
			return;
		}
		log.info("Started pipeline of meeting {} (language {})", command.meetingId(), command.language());
		Pipeline pipeline = this.store.pipeline(command.meetingId()).orElseThrow();
		dispatch(pipeline, transcribe);
		dispatch(pipeline, diarize);
	}

	/**
	 * A newer run of a failed pipeline dispatches its failed steps again from their first
	 * attempt; the steps that were done keep their results. A newer run of a done
	 * pipeline (the backend refused its minutes) writes the minutes again. Any other
	 * repeated ProcessMeeting (a redelivery, the same run again, a pipeline still
	 * running) changes nothing.
	 */
	private void retry(ProcessMeeting command) {
		UUID meetingId = command.meetingId();
		Instant now = Instant.now();
		List<Step> restarted = this.transaction.execute((status) -> {
			Optional<Pipeline> before = this.store.pipeline(meetingId);
			if (before.isEmpty() || !this.store.reopenPipeline(meetingId, command.runNumber(), now)) {
				return List.of();
			}
			boolean wasDone = before.get().state() == PipelineState.DONE;
			List<Step> fresh = new ArrayList<>();
			for (Step step : this.store.steps(meetingId)) {
				if (step.state() == StepState.FAILED || (wasDone && step.kind() == StepKind.WRITE_MINUTES)) {
					Step next = firstAttempt(meetingId, step.kind(), before.get().audioSeconds(), now);
					this.store.replaceStep(step, next, now);
					fresh.add(next);
				}
			}
			return fresh;
		});
		if (restarted == null || restarted.isEmpty()) {
			Optional<Pipeline> current = this.store.pipeline(meetingId);
			if (current.isPresent() && current.get().run() < command.runNumber()
					&& (current.get().state() == PipelineState.RUNNING
							|| current.get().state() == PipelineState.WRITING_MINUTES)) {
				// MeetingFailed is published (confirmed) inside the transaction that
				// fails the run, so
				// the backend can ask for the next run before that transaction is
				// committed: thrown,
				// the command is delivered again after a back-off, and dead-lettered if
				// the run never fails
				throw new IllegalStateException("Run " + command.runNumber() + " of meeting " + meetingId
						+ " arrived while run " + current.get().run() + " is still " + current.get().state());
			}
			log.info("Meeting {} already has a pipeline for run {}; ProcessMeeting ignored", meetingId,
					command.runNumber());
			return;
		}
		log.info("Run {} of meeting {} retries {}", command.runNumber(), meetingId,
				restarted.stream().map(Step::kind).toList());
		Pipeline pipeline = this.store.pipeline(meetingId).orElseThrow();
		restarted.forEach((step) -> dispatch(pipeline, step));
	}

	void transcriptReady(TranscriptReady event) {
		if (complete(event.meetingId(), event.stepId(), StepKind.TRANSCRIBE, event.attempt(), event.resultKey(),
				event.engine(), event.processingSeconds())) {
			if (event.audioSeconds() > 0) {
				this.store.recordAudioSeconds(event.meetingId(), event.audioSeconds());
			}
			startMinutesWhenReady(event.meetingId());
		}
	}

	void diarizationReady(DiarizationReady event) {
		if (complete(event.meetingId(), event.stepId(), StepKind.DIARIZE, event.attempt(), event.resultKey(),
				event.engine(), event.processingSeconds())) {
			startMinutesWhenReady(event.meetingId());
		}
	}

	void minutesWritten(MinutesWritten event) {
		Optional<Step> found = currentStep(event.meetingId(), event.stepId(), StepKind.WRITE_MINUTES);
		if (found.isEmpty()) {
			return;
		}
		Pipeline finished = this.transaction.execute((status) -> {
			Instant now = Instant.now();
			if (!this.store.completeStep(event.stepId(), event.resultKey(), event.engine(), event.processingSeconds(),
					now)) {
				log.info("Duplicate or stale MinutesWritten for meeting {} ignored", event.meetingId());
				return null;
			}
			if (!this.store.finishPipeline(event.meetingId(), now)) {
				return null;
			}
			Pipeline pipeline = this.store.pipeline(event.meetingId()).orElseThrow();
			Step minutes = this.store.step(event.stepId()).orElseThrow();
			MinutesReady ready = new MinutesReady(pipeline.meetingId(), pipeline.organisationId(),
					pipeline.transcriptKey(), minutes.resultKey(), pipeline.language(),
					(pipeline.audioSeconds() != null) ? pipeline.audioSeconds() : 0,
					(pipeline.speakerCount() != null) ? pipeline.speakerCount() : 0, stepSeconds(pipeline.meetingId()));
			this.messages.publishEventConfirmed(ready, "minutes-ready-" + pipeline.meetingId() + "-" + pipeline.run());
			log.info("Meeting {} processed: minutes at {}", pipeline.meetingId(), minutes.resultKey());
			return pipeline;
		});
		if (finished != null) {
			// outside the transaction: embedding takes a while and must not hold the
			// database
			this.searchIndexing.index(finished, this.store::deleted);
		}
	}

	void stepFailed(StepFailed event) {
		Optional<Step> found = currentStep(event.meetingId(), event.stepId(), event.step());
		if (found.isEmpty()) {
			return;
		}
		Step step = found.get();
		if (step.state() != StepState.DISPATCHED || step.attempt() != event.attempt()) {
			// A failure of an attempt already given up on must not cancel the attempt now
			// running.
			log.info("Stale StepFailed for {} attempt {} of meeting {} ignored", step.kind(), event.attempt(),
					step.meetingId());
			return;
		}
		String reason = describe(step.kind()) + " failed: " + event.reason();
		log.warn("{} attempt {} of meeting {} failed ({}): {}", step.kind(), step.attempt(), step.meetingId(),
				event.retryable() ? "retryable" : "final", event.reason());
		if (event.retryable()) {
			retryLater(step, reason);
		}
		else {
			giveUp(step, reason, event.category());
		}
	}

	/**
	 * The backend deleted the meeting: its pipeline stops where it is, for good. Steps
	 * still with a worker may answer later; those answers find a closed step and are
	 * dropped, and whatever they wrote under the meeting's prefix is swept by the
	 * backend.
	 * @return true when this call abandoned the pipeline, false when a delivery before
	 * did
	 */
	public boolean abandon(MeetingDeleted event) {
		if (event.meetingId() == null || event.organisationId() == null) {
			throw new IllegalArgumentException("MeetingDeleted without meetingId or organisationId");
		}
		Boolean abandoned = this.transaction
			.execute((status) -> this.store.abandonPipeline(event.meetingId(), event.organisationId(), Instant.now()));
		if (Boolean.TRUE.equals(abandoned)) {
			log.info("Pipeline of deleted meeting {} abandoned", event.meetingId());
		}
		return Boolean.TRUE.equals(abandoned);
	}

	/** Dispatches again, with the next attempt, every step whose deadline has passed. */
	public void redispatchOverdueSteps() {
		Instant now = Instant.now();
		for (Step step : this.store.overdue(now)) {
			try {
				if (step.attempt() >= this.properties.maxAttempts()) {
					giveUp(step, describe(step.kind()) + " got no answer in " + step.attempt() + " attempts (deadline "
							+ minutesOrSeconds(deadline(step)) + " each)");
				}
				else {
					log.warn("{} attempt {} of meeting {} passed its deadline; dispatching again", step.kind(),
							step.attempt(), step.meetingId());
					nextAttempt(step, StepState.DISPATCHED, now);
				}
			}
			catch (RuntimeException ex) {
				// The step stays as it was and the next scan tries again.
				log.warn("Could not handle overdue {} of meeting {}: {}", step.kind(), step.meetingId(),
						ex.getMessage());
			}
		}
	}

	/** Dispatches the next attempt of every step whose retry back-off is over. */
	public void dispatchDueRetries() {
		Instant now = Instant.now();
		for (Step step : this.store.dueRetries(now)) {
			try {
				nextAttempt(step, StepState.RETRY_WAIT, now);
			}
			catch (RuntimeException ex) {
				log.warn("Could not retry {} of meeting {}: {}", step.kind(), step.meetingId(), ex.getMessage());
			}
		}
	}

	private void nextAttempt(Step step, StepState from, Instant now) {
		Instant deadline = now.plus(deadline(step));
		if (this.store.nextAttempt(step.stepId(), from, step.attempt(), deadline, now)) {
			this.store.pipeline(step.meetingId())
				.ifPresent((pipeline) -> dispatch(pipeline, step.nextAttempt(deadline)));
		}
	}

	private boolean complete(UUID meetingId, UUID stepId, StepKind kind, int attempt, String resultKey, String engine,
			double processingSeconds) {
		if (currentStep(meetingId, stepId, kind).isEmpty()) {
			return false;
		}
		if (!this.store.completeStep(stepId, resultKey, engine, processingSeconds, Instant.now())) {
			log.info("Duplicate or stale {} result (attempt {}) for meeting {} ignored", kind, attempt, meetingId);
			return false;
		}
		log.info("{} of meeting {} done (attempt {}, engine {}, {} s)", kind, meetingId, attempt, engine,
				processingSeconds);
		return true;
	}

	/**
	 * The step an event names, if it is the current step of this meeting and of the
	 * expected kind. A step of a meeting this controller runs that is no longer current
	 * (replaced by the retry of a failed run) had its answer superseded: it is dropped
	 * and counted. A step of a meeting this controller does not know is not its to drop.
	 * @throws UnknownStepException for an event this controller never asked for
	 */
	private Optional<Step> currentStep(UUID meetingId, UUID stepId, StepKind kind) {
		Optional<Step> step = (stepId != null) ? this.store.step(stepId) : Optional.empty();
		// an older sender's StepFailed may not name its kind
		if (step.isPresent() && step.get().meetingId().equals(meetingId)
				&& (kind == null || step.get().kind() == kind)) {
			return step;
		}
		if (step.isEmpty() && meetingId != null && this.store.pipelineExists(meetingId)) {
			log.info("Answer of superseded {} step {} of meeting {} dropped", kind, stepId, meetingId);
			this.meters.supersededEvent(kind);
			return Optional.empty();
		}
		this.meters.unknownStepEvent(kind);
		throw new UnknownStepException("Event", stepId, kind, meetingId);
	}

	/**
	 * Progress is for people watching; the backend shows it. Checked all the same, so
	 * that progress of a step dispatched by another controller shows up as such.
	 */
	void progress(StepProgress event) {
		currentStep(event.meetingId(), event.stepId(), event.step());
	}

	private void startMinutesWhenReady(UUID meetingId) {
		Instant now = Instant.now();
		Double audioSeconds = this.store.pipeline(meetingId).map(Pipeline::audioSeconds).orElse(null);
		Step minutes = firstAttempt(meetingId, StepKind.WRITE_MINUTES, audioSeconds, now);
		Boolean started = this.transaction.execute((status) -> {
			if (!this.store.startWritingMinutes(meetingId, now)) {
				return false;
			}
			this.store.insertStep(minutes, now);
			return true;
		});
		if (Boolean.TRUE.equals(started)) {
			this.store.pipeline(meetingId).ifPresent((pipeline) -> dispatch(pipeline, minutes));
		}
	}

	/**
	 * A dispatch that could not reach the backend, S3 or the broker counts as a failed
	 * attempt, so an outage is retried with back-off and, when it lasts, fails the
	 * meeting with the reason.
	 */
	private void dispatch(Pipeline pipeline, Step step) {
		try {
			this.dispatcher.dispatch(pipeline, step);
		}
		catch (RuntimeException ex) {
			String reason = "Could not dispatch " + describe(step.kind()) + ": " + ex.getMessage();
			log.warn("{} (meeting {}, attempt {})", reason, step.meetingId(), step.attempt());
			retryLater(step, reason);
		}
	}

	private void retryLater(Step step, String reason) {
		if (step.attempt() >= this.properties.maxAttempts()) {
			giveUp(step, reason + " (after " + step.attempt() + " attempts)");
			return;
		}
		Instant now = Instant.now();
		Instant next = now.plus(this.properties.backoff(step.kind(), step.attempt()));
		if (this.store.waitForRetry(step.stepId(), step.attempt(), reason, next, now)) {
			log.info("{} of meeting {} retried at {}", step.kind(), step.meetingId(), next);
		}
	}

	private void giveUp(Step step, String reason) {
		giveUp(step, reason, null);
	}

	private void giveUp(Step step, String reason, FailureCategory category) {
		this.transaction.executeWithoutResult((status) -> {
			Instant now = Instant.now();
			if (!this.store.failStep(step.stepId(), step.attempt(), reason, now)
					|| !this.store.failPipeline(step.meetingId(), reason, now)) {
				return;
			}
			Pipeline pipeline = this.store.pipeline(step.meetingId()).orElseThrow();
			this.messages.publishEventConfirmed(
					new MeetingFailed(pipeline.meetingId(), pipeline.organisationId(), step.kind(), reason, category),
					"meeting-failed-" + pipeline.meetingId() + "-" + pipeline.run());
			// the meeting's outcome, not the controller's error: the backend and its
			// users are told
			log.warn("Meeting {} failed: {}", step.meetingId(), reason);
		});
	}

	private Map<String, Double> stepSeconds(UUID meetingId) {
		Map<String, Double> seconds = new LinkedHashMap<>();
		for (Step step : this.store.steps(meetingId)) {
			if (step.state() == StepState.DONE && step.processingSeconds() != null) {
				seconds.put(stepName(step.kind()), step.processingSeconds());
			}
		}
		return seconds;
	}

	/**
	 * The step's first attempt, due within its deadline for a recording of that length.
	 */
	private Step firstAttempt(UUID meetingId, StepKind kind, Double audioSeconds, Instant now) {
		return new Step(UUID.randomUUID(), meetingId, kind, 1, StepState.DISPATCHED,
				now.plus(this.properties.deadline(kind, audioSeconds)), null, null, null, null, null);
	}

	private static String minutesOrSeconds(java.time.Duration duration) {
		return (duration.toSeconds() < 120) ? duration.toSeconds() + " s" : duration.toMinutes() + " min";
	}

	/** How long an attempt of the step may take, for its meeting's recording. */
	private java.time.Duration deadline(Step step) {
		Double audioSeconds = this.store.pipeline(step.meetingId()).map(Pipeline::audioSeconds).orElse(null);
		return this.properties.deadline(step.kind(), audioSeconds);
	}

	/**
	 * Step names as reported to the backend: {@code transcribe}, {@code diarize},
	 * {@code write-minutes}.
	 */
	static String stepName(StepKind kind) {
		return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	private static String describe(StepKind kind) {
		return switch (kind) {
			case TRANSCRIBE -> "Transcription";
			case DIARIZE -> "Diarization";
			case WRITE_MINUTES -> "Writing minutes";
		};
	}

}
