package io.aigenda.backend.meeting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.aigenda.backend.outbox.Outbox;
import io.aigenda.backend.problem.ApiException;
import io.aigenda.backend.storage.ObjectStore;
import io.aigenda.backend.storage.StorageKeys;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingDeleted;
import io.aigenda.contracts.ProcessMeeting;
import io.aigenda.contracts.Queues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Meetings of an organisation: create, look up, list, delete. */
@Service
public class Meetings {

	private static final Logger log = LoggerFactory.getLogger(Meetings.class);

	private final MeetingRepository meetings;

	private final JdbcClient jdbc;

	private final ObjectStore store;

	private final Outbox outbox;

	private final DeletedMeetings deleted;

	Meetings(MeetingRepository meetings, JdbcClient jdbc, ObjectStore store, Outbox outbox, DeletedMeetings deleted) {
		this.deleted = deleted;
		this.meetings = meetings;
		this.jdbc = jdbc;
		this.store = store;
		this.outbox = outbox;
	}

	@Transactional
	Meeting create(UUID organisationId, UUID userId, NewMeeting request) {
		Language language = request.language() != null ? request.language() : Language.AUTO;
		if (request.minSpeakers() != null && request.maxSpeakers() != null
				&& request.minSpeakers() > request.maxSpeakers()) {
			throw ApiException.badRequest("validation-failed", "minSpeakers must not exceed maxSpeakers");
		}
		return this.meetings.save(new Meeting(organisationId, userId, request.title().trim(), language,
				request.minSpeakers(), request.maxSpeakers()));
	}

	/**
	 * The organisation's meeting, refused (409 {@code not-processed}) until its
	 * transcript is stored.
	 */
	@Transactional(readOnly = true)
	public Meeting processed(UUID organisationId, UUID meetingId) {
		return requireProcessed(get(organisationId, meetingId));
	}

	/**
	 * The organisation's processed meeting, locked until the caller's transaction ends:
	 * edits of one meeting's transcript run one after another, and what they change on
	 * the meeting goes through the returned aggregate.
	 */
	@Transactional
	public Meeting lockProcessed(UUID organisationId, UUID meetingId) {
		// the unlocked check first: another organisation's meeting is never locked
		processed(organisationId, meetingId);
		return requireProcessed(this.meetings.lockById(meetingId).orElseThrow(() -> ApiException.notFound("Meeting")));
	}

	/** The organisation's processed meetings, oldest first. */
	@Transactional(readOnly = true)
	public List<Meeting> processedOf(UUID organisationId) {
		return this.meetings.findByOrganisationIdAndStateOrderByCreatedAtAscIdAsc(organisationId,
				MeetingState.PROCESSED);
	}

	private static Meeting requireProcessed(Meeting meeting) {
		if (meeting.getState() != MeetingState.PROCESSED) {
			throw ApiException.conflict("not-processed",
					"The meeting has no transcript yet (state " + meeting.getState() + ")");
		}
		return meeting;
	}

	/**
	 * The organisation's meeting. Another organisation's meeting is reported exactly like
	 * one that does not exist, so ids reveal nothing across tenants.
	 */
	@Transactional(readOnly = true)
	public Meeting get(UUID organisationId, UUID meetingId) {
		return this.meetings.findByIdAndOrganisationId(meetingId, organisationId)
			.orElseThrow(() -> ApiException.notFound("Meeting"));
	}

	@Transactional(readOnly = true)
	Page<Meeting> list(UUID organisationId, int page, int size, MeetingFilter filter) {
		MeetingFilter.Query query = filter.query(organisationId);
		long total = this.jdbc.sql("select count(*) from meetings m where " + query.where())
			.params(query.params())
			.query(Long.class)
			.single();
		List<Object> pageParams = new java.util.ArrayList<>(query.params());
		pageParams.add(size);
		pageParams.add((long) page * size);
		List<UUID> ids = this.jdbc
			.sql("select m.id from meetings m where " + query.where() + " order by " + query.orderBy()
					+ " limit ? offset ?")
			.params(pageParams)
			.query(UUID.class)
			.list();
		java.util.Map<UUID, Meeting> byId = new java.util.HashMap<>();
		this.meetings.findAllById(ids).forEach(m -> byId.put(m.getId(), m));
		List<Meeting> ordered = ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
		return new PageImpl<>(ordered, PageRequest.of(page, size), total);
	}

	@Transactional
	Meeting rename(UUID organisationId, UUID meetingId, String title) {
		Meeting meeting = get(organisationId, meetingId);
		meeting.renamed(title.strip());
		return this.meetings.save(meeting);
	}

	/**
	 * Removes a meeting whose only upload was refused (empty, not audio, too long), so a
	 * rejected file never leaves a meeting waiting for a recording. A meeting that has a
	 * recording, a recorder bot, or another upload under way is kept.
	 */
	@Transactional
	public void removeIfNothingAccepted(UUID organisationId, UUID meetingId, UUID refusedUpload) {
		Meeting meeting = this.meetings.findByIdAndOrganisationId(meetingId, organisationId).orElse(null);
		if (meeting == null || meeting.getRecordingKey() != null || !meeting.getState().acceptsRecording()) {
			return;
		}
		long others = this.jdbc
			.sql("select count(*) from upload_sessions where meeting_id = ? and id <> ? and state <> 'ABORTED'")
			.params(meetingId, refusedUpload != null ? refusedUpload : new UUID(0, 0))
			.query(Long.class)
			.single();
		long bots = this.jdbc.sql("select count(*) from meeting_bots where meeting_id = ?")
			.param(meetingId)
			.query(Long.class)
			.single();
		if (others == 0 && bots == 0) {
			delete(organisationId, meetingId);
			log.info("Removed meeting {}: its only upload was refused", meetingId);
		}
	}

	@Transactional(readOnly = true)
	MeetingView view(Meeting meeting) {
		boolean running = meeting.getState() == MeetingState.UPLOADED || meeting.getState() == MeetingState.PROCESSING;
		Instant now = Instant.now();
		List<MeetingView.Progress> progress = this.jdbc
			.sql("select step, fraction, message, waiting, updated_at from step_progress where meeting_id = ? "
					+ "order by step")
			.param(meeting.getId())
			.query((rs, i) -> MeetingView.Progress.of(rs.getString(1), rs.getDouble(2), rs.getString(3),
					rs.getBoolean(4), rs.getTimestamp(5).toInstant(), running, now))
			.list();
		List<MeetingView.Speaker> speakers = this.jdbc
			.sql("select label, display_name from speakers where meeting_id = ? order by label")
			.param(meeting.getId())
			.query((rs, i) -> new MeetingView.Speaker(rs.getString(1), rs.getString(2)))
			.list();
		boolean noSpeech = meeting.getState() == MeetingState.PROCESSED
				&& !this.jdbc.sql("select exists (select 1 from transcript_words where meeting_id = ?)")
					.param(meeting.getId())
					.query(Boolean.class)
					.single();
		return MeetingView.of(meeting, progress, speakers, noSpeech);
	}

	/**
	 * Processes a failed meeting's recording again as its next run; the ml-controller
	 * then repeats only the steps that failed. The state check under the row lock makes a
	 * repeated request a 409 instead of a second run.
	 */
	@Transactional
	Meeting retry(UUID organisationId, UUID meetingId) {
		Meeting meeting = this.meetings.lockById(meetingId)
			.filter(m -> m.getOrganisationId().equals(organisationId))
			.orElseThrow(() -> ApiException.notFound("Meeting"));
		if (meeting.getState() != MeetingState.FAILED) {
			throw ApiException.conflict("not-failed",
					"Only a failed meeting can be retried; this one is " + meeting.getState());
		}
		if (meeting.getRecordingKey() == null) {
			throw ApiException.conflict("no-recording", "This meeting has no recording to process");
		}
		meeting.retried();
		requestProcessing(meeting);
		log.info("Meeting {} retried as run {}", meetingId, meeting.getProcessingRun());
		return meeting;
	}

	/**
	 * Has the meeting's stored recording processed, as its current run: the one place
	 * {@code ProcessMeeting} is made. It goes into the outbox in the caller's
	 * transaction, the one that moved the meeting to {@code UPLOADED}, so the state and
	 * the command are saved together or not at all.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void requestProcessing(Meeting meeting) {
		if (meeting.getState() != MeetingState.UPLOADED || meeting.getRecordingKey() == null) {
			throw new IllegalStateException("Meeting " + meeting.getId() + " has no recording waiting to be processed");
		}
		this.outbox.enqueue(Queues.PROCESS_MEETING,
				new ProcessMeeting(meeting.getId(), meeting.getOrganisationId(), meeting.getLanguage(),
						meeting.getRecordingKey(), meeting.getOriginalFilename(), meeting.getMinSpeakers(),
						meeting.getMaxSpeakers(), Instant.now(), meeting.getProcessingRun(),
						meeting.getDurationSeconds()));
	}

	/**
	 * Deletes the meeting's rows and every object under its prefix. Objects go first: a
	 * failure there leaves the meeting in place to delete again, never orphaned objects
	 * nobody can find. In the same transaction, {@code MeetingDeleted} goes to the outbox
	 * (the ml-controller forgets the meeting's search passages and stops its pipeline)
	 * and the deletion is remembered, so {@link DeletedMeetings} sweeps whatever a worker
	 * still writes there.
	 */
	@Transactional
	void delete(UUID organisationId, UUID meetingId) {
		Meeting meeting = get(organisationId, meetingId);
		this.jdbc.sql("select object_key, s3_upload_id from upload_sessions where meeting_id = ? and state = 'OPEN'")
			.param(meetingId)
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) })
			.list()
			.forEach(open -> this.store.abortMultipart(open[0], open[1]));
		int objects = this.store.deletePrefix(StorageKeys.meetingPrefix(organisationId, meetingId));
		this.meetings.delete(meeting);
		Instant now = Instant.now();
		this.deleted.record(organisationId, meetingId, now);
		this.outbox.publish(new MeetingDeleted(meetingId, organisationId, now));
		log.info("Deleted meeting {} and {} objects", meetingId, objects);
	}

}
