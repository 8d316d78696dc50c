package io.aigenda.backend.pipeline;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.aigenda.backend.meeting.DeletedMeetings;
import io.aigenda.backend.meeting.Meeting;
import io.aigenda.backend.meeting.MeetingRepository;
import io.aigenda.backend.meeting.MeetingState;
import io.aigenda.backend.speaker.SpeakerIdentities;
import io.aigenda.backend.storage.ObjectStore;
import io.aigenda.backend.storage.StorageKeys;
import io.aigenda.backend.transcript.TranscriptStore;
import io.aigenda.backend.webhook.WebhookEvents;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingFailed;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.MinutesReady;
import io.aigenda.contracts.MinutesSchema;
import io.aigenda.contracts.StepProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies pipeline events to meetings. Each handler is idempotent twice over: by message
 * id ({@code processed_messages}) and by meeting state, so a redelivery or a re-sent
 * duplicate with a new id changes nothing.
 */
@Service
class PipelineResults {

	private static final Logger log = LoggerFactory.getLogger(PipelineResults.class);

	private final MeetingRepository meetings;

	private final TranscriptStore transcripts;

	private final ObjectStore store;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	private final SpeakerIdentities identities;

	private final WebhookEvents webhooks;

	private final DeletedMeetings deleted;

	PipelineResults(MeetingRepository meetings, TranscriptStore transcripts, ObjectStore store, JdbcClient jdbc,
			JsonMapper json, TransactionTemplate transactions, SpeakerIdentities identities, WebhookEvents webhooks,
			DeletedMeetings deleted) {
		this.deleted = deleted;
		this.identities = identities;
		this.webhooks = webhooks;
		this.meetings = meetings;
		this.transcripts = transcripts;
		this.store = store;
		this.jdbc = jdbc;
		this.json = json;
		this.transactions = transactions;
	}

	void minutesReady(MinutesReady event, String messageId) {
		if (alreadyProcessed(messageId)) {
			log.info("MinutesReady {} for meeting {} was handled before", messageId, event.meetingId());
			return;
		}
		Optional<Meeting> found = this.meetings.findById(event.meetingId())
			.filter(m -> m.getOrganisationId().equals(event.organisationId()));
		if (found.isEmpty()) {
			if (this.deleted.sweepIfDeleted(event.meetingId())) {
				log.info("MinutesReady for deleted meeting {} dropped; its prefix swept again", event.meetingId());
			}
			else {
				log.warn("MinutesReady for unknown meeting {}; dropped", event.meetingId());
			}
			return;
		}
		if (found.get().getState() == MeetingState.PROCESSED) {
			log.info("Meeting {} is already processed; MinutesReady {} ignored", event.meetingId(), messageId);
			return;
		}
		String prefix = StorageKeys.meetingPrefix(event.organisationId(), event.meetingId());
		if (!startsWith(event.transcriptKey(), prefix) || !startsWith(event.minutesKey(), prefix)) {
			// Never read another meeting's (or tenant's) objects into this one.
			log.error("MinutesReady for meeting {} names keys outside {}; dropped", event.meetingId(), prefix);
			return;
		}
		MeetingTranscript transcript = this.json.readValue(this.store.getBytes(event.transcriptKey()),
				MeetingTranscript.class);
		String minutes = new String(this.store.getBytes(event.minutesKey()), StandardCharsets.UTF_8);
		List<String> errors = MinutesSchema.validate(minutes);
		this.transactions.executeWithoutResult(status -> {
			if (!remember(messageId, "MinutesReady")) {
				return;
			}
			Meeting meeting = this.meetings.lockById(event.meetingId()).orElse(null);
			if (meeting == null || meeting.getState() == MeetingState.PROCESSED) {
				return;
			}
			if (!errors.isEmpty()) {
				meeting.failed("Minutes do not match the schema: " + String.join("; ", errors));
				this.webhooks.meetingEvent(WebhookEvents.MEETING_FAILED, meeting.getOrganisationId(), meeting.getId());
				return;
			}
			this.transcripts.replace(meeting.getId(), transcript, minutes);
			this.identities.apply(meeting.getOrganisationId(), meeting.getId(), transcript.identities());
			int speakers = this.transcripts.speakerNames(meeting.getId()).size();
			double duration = transcript.durationSeconds() > 0 ? transcript.durationSeconds() : event.audioSeconds();
			Language language = Language.decide(transcript.language(), event.language());
			meeting.processed(language, duration, speakers > 0 ? speakers : event.speakerCount());
			this.webhooks.meetingEvent(WebhookEvents.MEETING_COMPLETED, meeting.getOrganisationId(), meeting.getId());
			log.info("Meeting {} processed: {} words, {} speakers", meeting.getId(), transcript.words().size(),
					speakers);
		});
	}

	void meetingFailed(MeetingFailed event, String messageId) {
		Boolean found = this.transactions.execute(status -> {
			Optional<Meeting> meeting = this.meetings.lockById(event.meetingId());
			if (meeting.isEmpty()) {
				return false;
			}
			if (remember(messageId, "MeetingFailed")) {
				meeting.filter(m -> m.getOrganisationId().equals(event.organisationId()))
					.filter(m -> m.getState() != MeetingState.PROCESSED && m.getState() != MeetingState.FAILED)
					.ifPresent(m -> {
						m.failed((event.step() != null ? event.step() + ": " : "") + event.reason(), event.category());
						this.webhooks.meetingEvent(WebhookEvents.MEETING_FAILED, m.getOrganisationId(), m.getId());
					});
			}
			return true;
		});
		if (!Boolean.TRUE.equals(found)) {
			this.deleted.sweepIfDeleted(event.meetingId());
		}
	}

	void progress(StepProgress event) {
		Boolean found = this.transactions.execute(status -> {
			Meeting meeting = this.meetings.lockById(event.meetingId()).orElse(null);
			if (meeting == null) {
				return false;
			}
			double fraction = Math.max(0, Math.min(1, event.fraction()));
			this.jdbc.sql("insert into step_progress (meeting_id, step, fraction, message, waiting, updated_at) "
					+ "values (?, ?, ?, ?, ?, ?) on conflict (meeting_id, step) do update set fraction = excluded.fraction, "
					+ "message = excluded.message, waiting = excluded.waiting, updated_at = excluded.updated_at")
				.params(event.meetingId(), event.step().name(), fraction, event.message(), event.waiting(),
						Timestamp.from(Instant.now()))
				.update();
			meeting.processing();
			return true;
		});
		if (!Boolean.TRUE.equals(found)) {
			// a worker still busy with a deleted meeting: whatever it wrote so far goes
			// now
			this.deleted.sweepIfDeleted(event.meetingId());
		}
	}

	private boolean alreadyProcessed(String messageId) {
		return messageId != null && this.jdbc.sql("select count(*) from processed_messages where message_id = ?")
			.param(messageId)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Records a message id; false when it was recorded already (a concurrent duplicate).
	 */
	private boolean remember(String messageId, String type) {
		if (messageId == null) {
			return true;
		}
		return this.jdbc
			.sql("insert into processed_messages (message_id, type, processed_at) values (?, ?, ?) "
					+ "on conflict (message_id) do nothing")
			.params(messageId, type, Timestamp.from(Instant.now()))
			.update() == 1;
	}

	private static boolean startsWith(String key, String prefix) {
		return key != null && key.startsWith(prefix) && !key.contains("..");
	}

}
