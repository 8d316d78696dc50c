package io.aigenda.mlcontroller.pipeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.ProcessMeeting;
import io.aigenda.contracts.StepKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The controller's own store of pipelines and steps. Every transition is a conditional
 * UPDATE that names the state (and attempt) it starts from, and callers act only when it
 * changed a row: a redelivered or concurrent event then finds nothing to change and does
 * nothing.
 */
@Repository
class PipelineStore {

	private static final String STEP_COLUMNS = "step_id, meeting_id, kind, attempt, state, deadline, next_attempt_at, "
			+ "result_key, engine, processing_seconds, reason";

	private static final String JOINED_STEP_COLUMNS = "s.step_id, s.meeting_id, s.kind, s.attempt, s.state, s.deadline, "
			+ "s.next_attempt_at, s.result_key, s.engine, s.processing_seconds, s.reason";

	private static final String ACTIVE = "('" + PipelineState.RUNNING + "', '" + PipelineState.WRITING_MINUTES + "')";

	private static final int MAX_REASON = 2000;

	private final JdbcClient jdbc;

	PipelineStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts the pipeline row; the caller's transaction turns a duplicate key into
	 * "exists".
	 */
	void insertPipeline(ProcessMeeting command, Instant now) {
		this.jdbc.sql("""
				INSERT INTO pipelines (meeting_id, organisation_id, language, audio_key, min_speakers, max_speakers,
					state, run, created_at, updated_at)
				VALUES (:meeting, :organisation, :language, :audioKey, :minSpeakers, :maxSpeakers, :state, :run, :now,
					:now)
				""")
			.param("meeting", command.meetingId())
			.param("organisation", command.organisationId())
			.param("language", command.language().code())
			.param("audioKey", command.audioKey())
			.param("minSpeakers", command.minSpeakers())
			.param("maxSpeakers", command.maxSpeakers())
			.param("state", PipelineState.RUNNING.name())
			.param("run", command.runNumber())
			.param("now", time(now))
			.update();
	}

	/**
	 * Reopens a pipeline for a newer run: a failed one back to WRITING_MINUTES when
	 * writing the minutes failed (transcript and diarization are done), else to RUNNING;
	 * a done one (whose minutes the backend refused) to WRITING_MINUTES. False when the
	 * pipeline is still running or already saw this run.
	 */
	boolean reopenPipeline(UUID meetingId, int run, Instant now) {
		return this.jdbc.sql("""
				UPDATE pipelines SET run = :run, failure_reason = NULL, updated_at = :now,
					state = CASE WHEN state = 'DONE' OR EXISTS (SELECT 1 FROM steps WHERE meeting_id = :meeting
						AND kind = 'WRITE_MINUTES' AND state = 'FAILED') THEN 'WRITING_MINUTES' ELSE 'RUNNING' END
				WHERE meeting_id = :meeting AND state IN ('FAILED', 'DONE') AND run < :run
				""").param("run", run).param("now", time(now)).param("meeting", meetingId).update() == 1;
	}

	/**
	 * Replaces a step with a fresh one (a new id, attempt 1): late events of the old
	 * attempts then name a step that no longer exists and change nothing.
	 */
	void replaceStep(Step old, Step fresh, Instant now) {
		this.jdbc.sql("DELETE FROM steps WHERE step_id = :step").param("step", old.stepId()).update();
		insertStep(fresh, now);
	}

	boolean pipelineExists(UUID meetingId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM pipelines WHERE meeting_id = :meeting")
			.param("meeting", meetingId)
			.query(Long.class)
			.single() > 0;
	}

	void insertStep(Step step, Instant now) {
		this.jdbc.sql("""
				INSERT INTO steps (step_id, meeting_id, kind, attempt, state, deadline, created_at, updated_at)
				VALUES (:step, :meeting, :kind, :attempt, :state, :deadline, :now, :now)
				""")
			.param("step", step.stepId())
			.param("meeting", step.meetingId())
			.param("kind", step.kind().name())
			.param("attempt", step.attempt())
			.param("state", step.state().name())
			.param("deadline", time(step.deadline()))
			.param("now", time(now))
			.update();
	}

	Optional<Pipeline> pipeline(UUID meetingId) {
		return this.jdbc.sql("SELECT * FROM pipelines WHERE meeting_id = :meeting")
			.param("meeting", meetingId)
			.query(PipelineStore::pipeline)
			.optional();
	}

	/** Whether the backend deleted the meeting (its pipeline is a tombstone). */
	boolean deleted(UUID meetingId) {
		return pipeline(meetingId).map((pipeline) -> pipeline.state() == PipelineState.DELETED).orElse(false);
	}

	Optional<Step> step(UUID stepId) {
		return this.jdbc.sql("SELECT " + STEP_COLUMNS + " FROM steps WHERE step_id = :step")
			.param("step", stepId)
			.query(PipelineStore::step)
			.optional();
	}

	List<Step> steps(UUID meetingId) {
		return this.jdbc.sql("SELECT " + STEP_COLUMNS + " FROM steps WHERE meeting_id = :meeting ORDER BY created_at")
			.param("meeting", meetingId)
			.query(PipelineStore::step)
			.list();
	}

	/** Dispatched steps of live pipelines whose deadline has passed. */
	List<Step> overdue(Instant now) {
		return this.jdbc.sql("SELECT " + JOINED_STEP_COLUMNS + """
				 FROM steps s JOIN pipelines p ON p.meeting_id = s.meeting_id
				WHERE s.state = 'DISPATCHED' AND s.deadline < :now AND p.state IN """ + ACTIVE + " ORDER BY s.deadline")
			.param("now", time(now))
			.query(PipelineStore::step)
			.list();
	}

	/** Steps of live pipelines waiting for a retry whose time has come. */
	List<Step> dueRetries(Instant now) {
		return this.jdbc
			.sql("SELECT " + JOINED_STEP_COLUMNS + """
					 FROM steps s JOIN pipelines p ON p.meeting_id = s.meeting_id
					WHERE s.state = 'RETRY_WAIT' AND s.next_attempt_at <= :now AND p.state IN """ + ACTIVE
					+ " ORDER BY s.next_attempt_at")
			.param("now", time(now))
			.query(PipelineStore::step)
			.list();
	}

	/** Notes the S3 key a step's result will have, as the backend named it. */
	void setResultKey(UUID stepId, String resultKey) {
		this.jdbc.sql("UPDATE steps SET result_key = :key WHERE step_id = :step")
			.param("key", resultKey)
			.param("step", stepId)
			.update();
	}

	/**
	 * A result arrived. Any attempt of the current step counts (a late answer of an
	 * attempt that was given up on is as good as the next one), but only once.
	 */
	boolean completeStep(UUID stepId, String resultKey, String engine, double processingSeconds, Instant now) {
		return this.jdbc.sql("""
				UPDATE steps SET state = 'DONE', result_key = COALESCE(result_key, :key), engine = :engine,
					processing_seconds = :seconds, next_attempt_at = NULL, updated_at = :now
				WHERE step_id = :step AND state IN ('DISPATCHED', 'RETRY_WAIT')
				""")
			.param("key", resultKey)
			.param("engine", engine)
			.param("seconds", processingSeconds)
			.param("now", time(now))
			.param("step", stepId)
			.update() == 1;
	}

	/** Attempt {@code attempt} failed and another one is due at {@code nextAttemptAt}. */
	boolean waitForRetry(UUID stepId, int attempt, String reason, Instant nextAttemptAt, Instant now) {
		return this.jdbc.sql("""
				UPDATE steps SET state = 'RETRY_WAIT', next_attempt_at = :next, reason = :reason, updated_at = :now
				WHERE step_id = :step AND state = 'DISPATCHED' AND attempt = :attempt
				""")
			.param("next", time(nextAttemptAt))
			.param("reason", clip(reason))
			.param("now", time(now))
			.param("step", stepId)
			.param("attempt", attempt)
			.update() == 1;
	}

	/**
	 * Starts attempt {@code attempt + 1} of a step that is in {@code from} at attempt
	 * {@code attempt}.
	 */
	boolean nextAttempt(UUID stepId, StepState from, int attempt, Instant deadline, Instant now) {
		return this.jdbc.sql("""
				UPDATE steps SET state = 'DISPATCHED', attempt = attempt + 1, deadline = :deadline,
					next_attempt_at = NULL, updated_at = :now
				WHERE step_id = :step AND state = :from AND attempt = :attempt
				""")
			.param("deadline", time(deadline))
			.param("now", time(now))
			.param("step", stepId)
			.param("from", from.name())
			.param("attempt", attempt)
			.update() == 1;
	}

	/** Gives up on a step at the given attempt, from whichever open state it is in. */
	boolean failStep(UUID stepId, int attempt, String reason, Instant now) {
		return this.jdbc.sql("""
				UPDATE steps SET state = 'FAILED', reason = :reason, next_attempt_at = NULL, updated_at = :now
				WHERE step_id = :step AND state IN ('DISPATCHED', 'RETRY_WAIT') AND attempt = :attempt
				""")
			.param("reason", clip(reason))
			.param("now", time(now))
			.param("step", stepId)
			.param("attempt", attempt)
			.update() == 1;
	}

	/**
	 * Moves a pipeline whose transcript and diarization are both done to WRITING_MINUTES.
	 * Only one caller wins, however many see both results at once.
	 */
	boolean startWritingMinutes(UUID meetingId, Instant now) {
		return this.jdbc.sql("""
				UPDATE pipelines SET state = 'WRITING_MINUTES', updated_at = :now
				WHERE meeting_id = :meeting AND state = 'RUNNING'
				AND (SELECT COUNT(*) FROM steps WHERE meeting_id = :meeting AND state = 'DONE'
					AND kind IN ('TRANSCRIBE', 'DIARIZE')) = 2
				""").param("now", time(now)).param("meeting", meetingId).update() == 1;
	}

	boolean finishPipeline(UUID meetingId, Instant now) {
		return this.jdbc.sql("""
				UPDATE pipelines SET state = 'DONE', updated_at = :now
				WHERE meeting_id = :meeting AND state = 'WRITING_MINUTES'
				""").param("now", time(now)).param("meeting", meetingId).update() == 1;
	}

	/**
	 * Fails a live pipeline and closes its open steps, so nothing dispatches them again.
	 */
	boolean failPipeline(UUID meetingId, String reason, Instant now) {
		boolean failed = this.jdbc
			.sql("UPDATE pipelines SET state = 'FAILED', failure_reason = :reason, "
					+ "updated_at = :now WHERE meeting_id = :meeting AND state IN " + ACTIVE)
			.param("reason", clip(reason))
			.param("now", time(now))
			.param("meeting", meetingId)
			.update() == 1;
		if (failed) {
			this.jdbc
				.sql("""
						UPDATE steps SET state = 'FAILED', reason = 'Meeting failed', next_attempt_at = NULL, updated_at = :now
						WHERE meeting_id = :meeting AND state IN ('DISPATCHED', 'RETRY_WAIT')
						""")
				.param("now", time(now))
				.param("meeting", meetingId)
				.update();
		}
		return failed;
	}

	/**
	 * Turns the meeting's pipeline into a tombstone and closes its open steps, so
	 * deadlines and retries never dispatch them again and late results find no step to
	 * complete. A meeting deleted before its ProcessMeeting arrived gets a tombstone of
	 * its own.
	 * @return true when this call abandoned it, false when it was abandoned before
	 */
	boolean abandonPipeline(UUID meetingId, UUID organisationId, Instant now) {
		// plain UPDATE then INSERT: the embedded database of the one-JVM platform has no
		// ON CONFLICT
		boolean abandoned = this.jdbc.sql(
				"UPDATE pipelines SET state = :deleted, updated_at = :now WHERE meeting_id = :meeting AND state <> :deleted")
			.param("deleted", PipelineState.DELETED.name())
			.param("now", time(now))
			.param("meeting", meetingId)
			.update() == 1;
		if (!abandoned && !pipelineExists(meetingId)) {
			// a concurrent ProcessMeeting inserting the row now fails on the key and is
			// redelivered
			// to find the tombstone
			abandoned = this.jdbc.sql("""
					INSERT INTO pipelines (meeting_id, organisation_id, language, state, run, created_at, updated_at)
					VALUES (:meeting, :organisation, :language, :deleted, 0, :now, :now)
					""")
				.param("meeting", meetingId)
				.param("language", Language.AUTO.code())
				.param("organisation", organisationId)
				.param("deleted", PipelineState.DELETED.name())
				.param("now", time(now))
				.update() == 1;
		}
		this.jdbc.sql("""
				UPDATE steps SET state = 'FAILED', reason = 'Meeting deleted', next_attempt_at = NULL, updated_at = :now
				WHERE meeting_id = :meeting AND state IN ('DISPATCHED', 'RETRY_WAIT')
				""").param("now", time(now)).param("meeting", meetingId).update();
		return abandoned;
	}

	void recordAudioSeconds(UUID meetingId, double audioSeconds) {
		this.jdbc.sql("UPDATE pipelines SET audio_seconds = :seconds WHERE meeting_id = :meeting")
			.param("seconds", audioSeconds)
			.param("meeting", meetingId)
			.update();
	}

	void recordTranscript(UUID meetingId, String transcriptKey, int speakerCount, Instant now) {
		this.jdbc.sql("""
				UPDATE pipelines SET transcript_key = :key, speaker_count = :speakers, updated_at = :now
				WHERE meeting_id = :meeting
				""")
			.param("key", transcriptKey)
			.param("speakers", speakerCount)
			.param("now", time(now))
			.param("meeting", meetingId)
			.update();
	}

	private static Pipeline pipeline(ResultSet rs, int row) throws SQLException {
		return new Pipeline(rs.getObject("meeting_id", UUID.class), rs.getObject("organisation_id", UUID.class),
				Language.parse(rs.getString("language")), rs.getString("audio_key"),
				rs.getObject("min_speakers", Integer.class), rs.getObject("max_speakers", Integer.class),
				PipelineState.valueOf(rs.getString("state")), rs.getObject("audio_seconds", Double.class),
				rs.getObject("speaker_count", Integer.class), rs.getString("transcript_key"),
				rs.getString("failure_reason"), rs.getInt("run"));
	}

	private static Step step(ResultSet rs, int row) throws SQLException {
		return new Step(rs.getObject("step_id", UUID.class), rs.getObject("meeting_id", UUID.class),
				StepKind.valueOf(rs.getString("kind")), rs.getInt("attempt"), StepState.valueOf(rs.getString("state")),
				instant(rs, "deadline"), instant(rs, "next_attempt_at"), rs.getString("result_key"),
				rs.getString("engine"), rs.getObject("processing_seconds", Double.class), rs.getString("reason"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime time(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static String clip(String reason) {
		if (reason == null) {
			return null;
		}
		return (reason.length() > MAX_REASON) ? reason.substring(0, MAX_REASON) : reason;
	}

}
