package io.aigenda.backend.speaker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.aigenda.backend.outbox.Outbox;
import io.aigenda.backend.problem.ApiException;
import io.aigenda.backend.speaker.SpeakerDtos.VoiceprintView;
import io.aigenda.backend.storage.ObjectStore;
import io.aigenda.backend.storage.StorageKeys;
import io.aigenda.contracts.EnrolVoiceprint;
import io.aigenda.contracts.Queues;
import io.aigenda.contracts.VoiceprintEnrolled;
import io.aigenda.contracts.VoiceprintEnrolmentFailed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Voiceprints enrolled from a clip of one known person. The clip is checked, stored in
 * S3, and the voiceprint row (pending) and the {@link EnrolVoiceprint} command are
 * written in one transaction (outbox); the ml-controller's answer makes it ready or
 * failed. Answers act only on a pending voiceprint, so a redelivered one changes nothing.
 */
@Service
public class VoiceprintEnrolments {

	private static final Logger log = LoggerFactory.getLogger(VoiceprintEnrolments.class);

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final ObjectStore store;

	private final EnrolmentClips clips;

	private final Voiceprints voiceprints;

	private final TransactionTemplate transaction;

	VoiceprintEnrolments(JdbcClient jdbc, Outbox outbox, ObjectStore store, EnrolmentClips clips,
			Voiceprints voiceprints, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.store = store;
		this.clips = clips;
		this.voiceprints = voiceprints;
		this.transaction = transaction;
	}

	VoiceprintView enrol(UUID organisationId, String name, MultipartFile file) {
		String trimmed = Speakers.validName(name);
		if (file == null || file.isEmpty()) {
			throw EnrolmentClips.unprocessable("no-audio",
					"No audio was uploaded: send the clip as the multipart part 'file'");
		}
		if (file.getSize() > EnrolmentClips.MAX_BYTES) {
			throw EnrolmentClips.unprocessable("clip-too-long", "The clip is larger than "
					+ EnrolmentClips.MAX_BYTES / (1024 * 1024) + " MiB; a minute of one person talking is enough");
		}
		UUID id = UUID.randomUUID();
		String key = StorageKeys.voiceprintKeyOf(organisationId, id, StorageKeys.CLIP);
		Path clip = null;
		try {
			clip = Files.createTempFile("aigenda-enrolment-", ".audio");
			file.transferTo(clip);
			double speech = this.clips.check(clip);
			this.store.putFile(key, clip,
					file.getContentType() != null ? file.getContentType() : "application/octet-stream");
			log.info("Enrolling voiceprint {} ({} s of speech in the clip)", id, Math.round(speech * 10) / 10.0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not keep the uploaded clip: " + ex.getMessage(), ex);
		}
		finally {
			delete(clip);
		}
		this.transaction.executeWithoutResult(status -> {
			Timestamp now = Timestamp.from(Instant.now());
			this.jdbc
				.sql("insert into voiceprints (id, organisation_id, name, state, clip_key, created_at, updated_at) "
						+ "values (?, ?, ?, 'PENDING', ?, ?, ?)")
				.params(id, organisationId, trimmed, key, now, now)
				.update();
			this.outbox.enqueue(Queues.VOICEPRINTS, new EnrolVoiceprint(organisationId, id, trimmed, key));
		});
		return this.voiceprints.get(organisationId, id);
	}

	/**
	 * The organisation a voiceprint belongs to, for the ml-controller's presigned URLs.
	 */
	public Optional<UUID> organisationOf(UUID voiceprintId) {
		return this.jdbc.sql("select organisation_id from voiceprints where id = ?")
			.param(voiceprintId)
			.query(UUID.class)
			.optional();
	}

	public void enrolled(VoiceprintEnrolled event) {
		settle(event.organisationId(), event.voiceprintId(), "READY", null);
	}

	public void failed(VoiceprintEnrolmentFailed event) {
		settle(event.organisationId(), event.voiceprintId(), "FAILED", event.reason());
	}

	private void settle(UUID organisationId, UUID voiceprintId, String state, String reason) {
		int updated = this.jdbc
			.sql("update voiceprints set state = ?, failure_reason = ?, updated_at = ? "
					+ "where id = ? and organisation_id = ? and state = 'PENDING'")
			.params(state, reason, Timestamp.from(Instant.now()), voiceprintId, organisationId)
			.update();
		if (updated == 0) {
			log.info("Voiceprint {} is not pending (settled before, or forgotten); {} ignored", voiceprintId, state);
		}
		else {
			log.info("Voiceprint {} is {}{}", voiceprintId, state.toLowerCase(java.util.Locale.ROOT),
					reason != null ? ": " + reason : "");
		}
	}

	private static void delete(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.warn("Could not delete {}: {}", file, ex.getMessage());
			}
		}
	}

}
