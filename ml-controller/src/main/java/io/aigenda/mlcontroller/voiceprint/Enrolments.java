package io.aigenda.mlcontroller.voiceprint;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.aigenda.contracts.internal.ArtifactUrls;
import io.aigenda.contracts.DiarizationDocument;
import io.aigenda.contracts.DiarizationReady;
import io.aigenda.contracts.Diarize;
import io.aigenda.contracts.EnrolVoiceprint;
import io.aigenda.contracts.Queues;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.contracts.StepFailed;
import io.aigenda.contracts.StepKind;
import io.aigenda.contracts.VoiceprintEnrolled;
import io.aigenda.contracts.VoiceprintEnrolmentFailed;
import io.aigenda.messaging.Messages;
import io.aigenda.messaging.transfer.ArtifactTransfer;
import io.aigenda.mlcontroller.MlControllerProperties;
import io.aigenda.mlcontroller.backend.BackendClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Voiceprints enrolled from a clip of one person: the clip goes through the same
 * diarization step as a meeting (one speaker at most, the step's meeting id being the
 * voiceprint's id), and the speaker embedding it returns is stored like a named meeting
 * speaker's. Each transition is a conditional update of the enrolment's row, so a
 * redelivered command or result acts once; the outcome event is published inside the
 * transaction that records it, so a failed publish rolls the transition back and the
 * result is redelivered.
 */
@Service
public class Enrolments {

	static final String CLIP = "clip";

	static final String DIARIZATION = "diarization.json";

	private static final Logger log = LoggerFactory.getLogger(Enrolments.class);

	/**
	 * An enrolment clip is at most five minutes long (the backend refuses longer ones).
	 */
	private static final double ENROLMENT_CLIP_SECONDS = 300;

	private final JdbcClient jdbc;

	private final BackendClient backend;

	private final ArtifactTransfer documents;

	private final Messages messages;

	private final VoiceprintCommands voiceprints;

	private final MlControllerProperties properties;

	private final TransactionTemplate transaction;

	Enrolments(JdbcClient jdbc, BackendClient backend, ArtifactTransfer documents, Messages messages,
			VoiceprintCommands voiceprints, MlControllerProperties properties,
			PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.backend = backend;
		this.documents = documents;
		this.messages = messages;
		this.voiceprints = voiceprints;
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * Dispatches the clip's diarization. A dispatch that cannot reach the backend or the
	 * broker throws with the enrolment undone, so the listener's retries start it afresh
	 * and, when they run out, the command is dead-lettered with the reason.
	 */
	void start(EnrolVoiceprint command) {
		if (command.organisationId() == null || command.voiceprintId() == null || command.name() == null
				|| command.name().isBlank()) {
			// Poison: retrying cannot help, so the listener's recoverer dead-letters it.
			throw new IllegalArgumentException("EnrolVoiceprint without organisationId, voiceprintId or name");
		}
		UUID stepId = UUID.randomUUID();
		Instant now = Instant.now();
		Instant deadline = now.plus(this.properties.deadline(StepKind.DIARIZE, ENROLMENT_CLIP_SECONDS));
		try {
			this.jdbc.sql("""
					INSERT INTO voiceprint_enrolments (voiceprint_id, organisation_id, name, step_id, state, deadline,
					created_at, updated_at) VALUES (?, ?, ?, ?, 'DISPATCHED', ?, ?, ?)""")
				.params(command.voiceprintId(), command.organisationId(), command.name(), stepId, time(deadline),
						time(now), time(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			log.info("Voiceprint {} is already being enrolled; EnrolVoiceprint ignored", command.voiceprintId());
			return;
		}
		try {
			Duration ttl = this.properties.deadline(StepKind.DIARIZE, ENROLMENT_CLIP_SECONDS)
				.plus(this.properties.urlMargin());
			ArtifactUrls urls = this.backend.voiceprintUrls(command.voiceprintId(), List.of(CLIP), List.of(DIARIZATION),
					ttl);
			this.messages.sendCommand(Queues.DIARIZE, new Diarize(command.voiceprintId(), stepId, 1, deadline,
					urls.getUrls().get(CLIP), 1, 1, urls.putUrls().get(DIARIZATION), urls.keys().get(DIARIZATION)));
		}
		catch (RuntimeException ex) {
			this.jdbc.sql("DELETE FROM voiceprint_enrolments WHERE voiceprint_id = ? AND step_id = ?")
				.params(command.voiceprintId(), stepId)
				.update();
			throw ex;
		}
		log.info("Enrolling voiceprint {} ({}): diarization dispatched", command.voiceprintId(), command.name());
	}

	/** Whether a worker event's step is an enrolment's rather than a meeting's. */
	public boolean owns(UUID stepId) {
		return stepId != null && this.jdbc.sql("SELECT COUNT(*) FROM voiceprint_enrolments WHERE step_id = ?")
			.param(stepId)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Stores the clip's speaker embedding as the voiceprint, or fails when the clip had
	 * too little speech.
	 */
	public void diarizationReady(DiarizationReady event) {
		Optional<Enrolment> found = dispatched(event.stepId());
		if (found.isEmpty()) {
			log.info("Duplicate or late diarization of enrolment step {} ignored", event.stepId());
			return;
		}
		Enrolment enrolment = found.get();
		ArtifactUrls urls = this.backend.voiceprintUrls(enrolment.voiceprintId(), List.of(DIARIZATION), List.of(),
				this.properties.urlMargin());
		DiarizationDocument document = this.documents.readJson(urls.getUrls().get(DIARIZATION),
				DiarizationDocument.class);
		Optional<float[]> embedding = longestSpeaker(document);
		if (embedding.isEmpty()) {
			fail(enrolment, document.turns().isEmpty() ? "No speech found in the clip"
					: "Too little speech in the clip for a voiceprint");
			return;
		}
		// Upserting under the voiceprint's id is idempotent, so doing it before the
		// transition is safe.
		this.voiceprints.upsert(enrolment.organisationId(), enrolment.voiceprintId(), enrolment.name(), embedding.get(),
				Map.of("source", "enrolment"));
		this.transaction.executeWithoutResult(status -> {
			if (transition(enrolment, "DONE", null)) {
				this.messages.publishEventConfirmed(
						new VoiceprintEnrolled(enrolment.organisationId(), enrolment.voiceprintId()),
						"voiceprint-enrolled-" + enrolment.voiceprintId());
				log.info("Voiceprint {} ({}) enrolled", enrolment.voiceprintId(), enrolment.name());
			}
		});
	}

	/**
	 * A failed diarization of the clip fails the enrolment: the clip is short, a new
	 * upload is cheap.
	 */
	public void stepFailed(StepFailed event) {
		dispatched(event.stepId()).ifPresent(enrolment -> fail(enrolment, "Diarization failed: " + event.reason()));
	}

	/** Fails every enrolment whose diarization did not answer before its deadline. */
	public void failOverdue() {
		List<Enrolment> overdue = this.jdbc
			.sql("SELECT voiceprint_id, organisation_id, name, step_id FROM voiceprint_enrolments "
					+ "WHERE state = 'DISPATCHED' AND deadline < ?")
			.param(time(Instant.now()))
			.query(Enrolment.class)
			.list();
		for (Enrolment enrolment : overdue) {
			fail(enrolment, "Diarization of the clip got no answer before its deadline");
		}
	}

	private void fail(Enrolment enrolment, String reason) {
		this.transaction.executeWithoutResult(status -> {
			if (transition(enrolment, "FAILED", reason)) {
				this.messages.publishEventConfirmed(
						new VoiceprintEnrolmentFailed(enrolment.organisationId(), enrolment.voiceprintId(), reason),
						"voiceprint-enrolment-failed-" + enrolment.voiceprintId());
				log.warn("Enrolment of voiceprint {} failed: {}", enrolment.voiceprintId(), reason);
			}
		});
	}

	/**
	 * A voiceprint forgotten while its clip is processed stays forgotten when the result
	 * comes.
	 */
	void forget(UUID voiceprintId) {
		this.jdbc
			.sql("UPDATE voiceprint_enrolments SET state = 'FORGOTTEN', updated_at = ? "
					+ "WHERE voiceprint_id = ? AND state = 'DISPATCHED'")
			.params(time(Instant.now()), voiceprintId)
			.update();
	}

	private boolean transition(Enrolment enrolment, String state, String reason) {
		return this.jdbc
			.sql("UPDATE voiceprint_enrolments SET state = ?, reason = ?, updated_at = ? "
					+ "WHERE voiceprint_id = ? AND step_id = ? AND state = 'DISPATCHED'")
			.params(state, reason, time(Instant.now()), enrolment.voiceprintId(), enrolment.stepId())
			.update() == 1;
	}

	private Optional<Enrolment> dispatched(UUID stepId) {
		return this.jdbc
			.sql("SELECT voiceprint_id, organisation_id, name, step_id FROM voiceprint_enrolments "
					+ "WHERE step_id = ? AND state = 'DISPATCHED'")
			.param(stepId)
			.query(Enrolment.class)
			.optional();
	}

	/**
	 * The embedding of the speaker who talks longest (the clip's one person, even if a
	 * second was found).
	 */
	static Optional<float[]> longestSpeaker(DiarizationDocument document) {
		return document.speakerEmbeddings()
			.keySet()
			.stream()
			.max(Comparator
				.comparingDouble((String speaker) -> document.turns()
					.stream()
					.filter(turn -> turn.speaker().equals(speaker))
					.mapToDouble(turn -> turn.end() - turn.start())
					.sum())
				.thenComparing(Comparator.reverseOrder()))
			.map(speaker -> document.speakerEmbeddings().get(speaker));
	}

	private static OffsetDateTime time(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	record Enrolment(UUID voiceprintId, UUID organisationId, String name, UUID stepId) {
	}

}
