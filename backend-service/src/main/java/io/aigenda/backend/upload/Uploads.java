package io.aigenda.backend.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.aigenda.backend.BackendProperties;
import io.aigenda.backend.meeting.Meeting;
import io.aigenda.backend.meeting.MeetingRepository;
import io.aigenda.backend.meeting.MeetingState;
import io.aigenda.backend.meeting.Meetings;
import io.aigenda.backend.problem.ApiException;
import io.aigenda.backend.storage.ObjectStore;
import io.aigenda.backend.storage.StorageKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Accepts recordings: checks them (not empty, audio by content, decodable), stores them,
 * and marks the meeting uploaded together with the outbox row that starts its processing.
 * A meeting takes one recording; the state {@code UPLOADING} reserves it while bytes
 * travel, so two uploads never overwrite each other.
 */
@Service
class Uploads {

	private static final Logger log = LoggerFactory.getLogger(Uploads.class);

	/** S3 allows at most this many parts in one multipart upload. */
	private static final int MAX_PARTS = 10_000;

	private final Meetings meetings;

	private final MeetingRepository meetingRepository;

	private final UploadSessionRepository sessions;

	private final ObjectStore store;

	private final MediaProbe probe;

	private final TransactionTemplate transactions;

	private final BackendProperties.Upload limits;

	Uploads(Meetings meetings, MeetingRepository meetingRepository, UploadSessionRepository sessions, ObjectStore store,
			MediaProbe probe, TransactionTemplate transactions, BackendProperties properties) {
		this.meetings = meetings;
		this.meetingRepository = meetingRepository;
		this.sessions = sessions;
		this.store = store;
		this.probe = probe;
		this.transactions = transactions;
		this.limits = properties.upload();
	}

	/**
	 * A small recording in one request; spooled to a temporary file, never held in
	 * memory.
	 */
	UploadResult uploadDirect(UUID organisationId, UUID meetingId, MultipartFile file) {
		Meeting meeting = this.meetings.get(organisationId, meetingId);
		requireAcceptsRecording(meeting);
		try {
			return storeDirect(organisationId, meetingId, file);
		}
		catch (ApiException ex) {
			removeIfRefused(organisationId, meetingId, null, ex);
			throw ex;
		}
	}

	private UploadResult storeDirect(UUID organisationId, UUID meetingId, MultipartFile file) {
		if (file.isEmpty() || file.getSize() == 0) {
			throw ApiException.badRequest("empty-upload", "The recording is empty");
		}
		checkSize(file.getSize());
		String filename = filename(file.getOriginalFilename());
		Path spool = null;
		try {
			spool = Files.createTempFile("aigenda-upload", ".bin");
			file.transferTo(spool);
			long size = Files.size(spool);
			if (size == 0) {
				throw ApiException.badRequest("empty-upload", "The recording is empty");
			}
			String contentType = sniff(readHead(spool));
			Optional<Double> duration = this.probe.probe(spool.toString());
			String sha256 = sha256(spool);
			String key = StorageKeys.recording(organisationId, meetingId);
			reserve(organisationId, meetingId);
			try {
				this.store.putFile(key, spool, contentType);
			}
			catch (RuntimeException ex) {
				release(meetingId);
				throw ex;
			}
			return markUploaded(meetingId, key, filename, contentType, size, sha256, duration.orElse(null));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			if (spool != null) {
				spool.toFile().delete();
			}
		}
	}

	UploadPlan start(UUID organisationId, UUID meetingId, NewUpload request) {
		Meeting meeting = this.meetings.get(organisationId, meetingId);
		requireAcceptsRecording(meeting);
		try {
			if (request.sizeBytes() <= 0) {
				throw ApiException.badRequest("empty-upload", "The recording is empty");
			}
			checkSize(request.sizeBytes());
		}
		catch (ApiException ex) {
			removeIfRefused(organisationId, meetingId, null, ex);
			throw ex;
		}
		long partSize = Math.max(Math.max(this.limits.partSizeBytes(), 1), ceilDiv(request.sizeBytes(), MAX_PARTS));
		int partCount = (int) ceilDiv(request.sizeBytes(), partSize);
		String key = StorageKeys.recording(organisationId, meetingId);
		reserve(organisationId, meetingId);
		String contentType = request.contentType() != null && !request.contentType().isBlank() ? request.contentType()
				: "application/octet-stream";
		UploadSession session;
		try {
			String s3UploadId = this.store.startMultipart(key, contentType);
			session = this.transactions.execute(status -> this.sessions.save(new UploadSession(meetingId, s3UploadId,
					key, filename(request.filename()), contentType, request.sizeBytes(), partSize, partCount)));
		}
		catch (RuntimeException ex) {
			release(meetingId);
			throw ex;
		}
		List<UploadPlan.PartUrl> urls = new ArrayList<>();
		for (int part = 1; part <= partCount; part++) {
			urls.add(new UploadPlan.PartUrl(part,
					this.store.presignPart(key, session.getS3UploadId(), part, this.limits.urlTtl())));
		}
		return new UploadPlan(session.getId(), partSize, partCount, urls, Instant.now().plus(this.limits.urlTtl()));
	}

	UploadStatus status(UUID organisationId, UUID meetingId, UUID uploadId) {
		UploadSession session = session(organisationId, meetingId, uploadId);
		List<UploadStatus.StoredPart> stored = new ArrayList<>();
		List<UploadPlan.PartUrl> missing = new ArrayList<>();
		if (session.isOpen()) {
			List<Part> parts = this.store.listParts(session.getObjectKey(), session.getS3UploadId());
			parts.stream()
				.sorted(Comparator.comparing(Part::partNumber))
				.forEach(p -> stored.add(new UploadStatus.StoredPart(p.partNumber(), p.eTag(), p.size())));
			Set<Integer> done = parts.stream().map(Part::partNumber).collect(Collectors.toSet());
			for (int part = 1; part <= session.getPartCount(); part++) {
				if (!done.contains(part)) {
					missing.add(new UploadPlan.PartUrl(part, this.store.presignPart(session.getObjectKey(),
							session.getS3UploadId(), part, this.limits.urlTtl())));
				}
			}
		}
		return new UploadStatus(session.getId(), session.getState(), session.getSizeBytes(), session.getPartSizeBytes(),
				session.getPartCount(), stored, missing);
	}

	UploadResult complete(UUID organisationId, UUID meetingId, UUID uploadId, List<CompleteUpload.PartEtag> parts) {
		UploadSession session = session(organisationId, meetingId, uploadId);
		if (!session.isOpen()) {
			throw ApiException.conflict("upload-closed", "This upload is already " + session.getState().toLowerCase());
		}
		String key = session.getObjectKey();
		List<CompletedPart> completed = parts.stream()
			.sorted(Comparator.comparingInt(CompleteUpload.PartEtag::partNumber))
			.map(p -> CompletedPart.builder().partNumber(p.partNumber()).eTag(p.etag()).build())
			.toList();
		try {
			this.store.completeMultipart(key, session.getS3UploadId(), completed);
		}
		catch (S3Exception ex) {
			if (ex.statusCode() >= 500) {
				// the store is failing, not the parts: the client may complete again
				// later
				throw ex;
			}
			throw ApiException.badRequest("invalid-parts",
					"The parts could not be assembled: " + ex.awsErrorDetails().errorMessage());
		}
		long size = this.store.stat(key).contentLength();
		this.store.countClientUpload(size);
		Optional<Double> duration;
		String contentType;
		try {
			if (size == 0) {
				throw ApiException.badRequest("empty-upload", "The recording is empty");
			}
			contentType = sniff(this.store.head(key, AudioFormats.HEAD_BYTES));
			duration = this.probe.probe(this.store.presignGet(key, java.time.Duration.ofMinutes(30)));
		}
		catch (ApiException ex) {
			// Refused content is not kept; the meeting waits for a usable recording.
			this.store.delete(key);
			this.transactions.executeWithoutResult(status -> {
				this.sessions.findById(uploadId).ifPresent(s -> s.finish(UploadSession.ABORTED));
				this.meetingRepository.lockById(meetingId).ifPresent(Meeting::uploadAbandoned);
			});
			removeIfRefused(organisationId, meetingId, uploadId, ex);
			throw ex;
		}
		this.transactions.executeWithoutResult(
				status -> this.sessions.findById(uploadId).ifPresent(s -> s.finish(UploadSession.COMPLETED)));
		return markUploaded(meetingId, key, session.getFilename(), contentType, size, null, duration.orElse(null));
	}

	void abort(UUID organisationId, UUID meetingId, UUID uploadId) {
		UploadSession session = session(organisationId, meetingId, uploadId);
		if (!session.isOpen()) {
			return;
		}
		this.store.abortMultipart(session.getObjectKey(), session.getS3UploadId());
		this.transactions.executeWithoutResult(status -> {
			this.sessions.findById(uploadId).ifPresent(s -> s.finish(UploadSession.ABORTED));
			release(meetingId);
		});
	}

	private UploadSession session(UUID organisationId, UUID meetingId, UUID uploadId) {
		this.meetings.get(organisationId, meetingId);
		return this.sessions.findByIdAndMeetingId(uploadId, meetingId)
			.orElseThrow(() -> ApiException.notFound("Upload"));
	}

	/** Claims the meeting for this upload, or refuses when it has one already. */
	private void reserve(UUID organisationId, UUID meetingId) {
		this.transactions.executeWithoutResult(status -> {
			Meeting meeting = this.meetingRepository.lockById(meetingId)
				.filter(m -> m.getOrganisationId().equals(organisationId))
				.orElseThrow(() -> ApiException.notFound("Meeting"));
			requireAcceptsRecording(meeting);
			meeting.uploading();
		});
	}

	private void release(UUID meetingId) {
		this.transactions.executeWithoutResult(status -> this.meetingRepository.lockById(meetingId)
			.filter(m -> m.getState() == MeetingState.UPLOADING)
			.ifPresent(Meeting::uploadAbandoned));
	}

	/** The meeting is uploaded and its processing is requested, in one transaction. */
	private UploadResult markUploaded(UUID meetingId, String key, String filename, String contentType, long size,
			String sha256, Double duration) {
		return this.transactions.execute(status -> {
			Meeting meeting = this.meetingRepository.lockById(meetingId)
				.orElseThrow(() -> ApiException.notFound("Meeting"));
			meeting.uploaded(key, filename, contentType, size, sha256, duration);
			this.meetings.requestProcessing(meeting);
			log.info("Meeting {} uploaded ({} bytes, {})", meetingId, size, contentType);
			return new UploadResult(meeting.getId(), meeting.getState().name(), filename, contentType, size, sha256,
					duration);
		});
	}

	/**
	 * A refused recording (empty, too large, not audio, undecodable) does not leave a
	 * meeting behind that waits for a recording nobody will send: a meeting with nothing
	 * else accepted is removed. Conflicts (a recording already there, an upload under
	 * way) keep the meeting.
	 */
	private void removeIfRefused(UUID organisationId, UUID meetingId, UUID uploadId, ApiException ex) {
		if (REFUSALS.contains(ex.status())) {
			this.meetings.removeIfNothingAccepted(organisationId, meetingId, uploadId);
		}
	}

	private static final Set<HttpStatus> REFUSALS = Set.of(HttpStatus.BAD_REQUEST, HttpStatus.CONTENT_TOO_LARGE,
			HttpStatus.UNSUPPORTED_MEDIA_TYPE, HttpStatus.UNPROCESSABLE_CONTENT);

	private static void requireAcceptsRecording(Meeting meeting) {
		MeetingState state = meeting.getState();
		if (state == MeetingState.UPLOADING) {
			throw ApiException.conflict("upload-in-progress",
					"An upload of this meeting's recording is in progress; resume or cancel it");
		}
		if (!state.acceptsRecording()) {
			throw ApiException.conflict("already-uploaded", "This meeting already has a recording");
		}
	}

	private void checkSize(long size) {
		if (size > this.limits.maxBytes()) {
			throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large",
					"The recording is larger than " + this.limits.maxBytes() + " bytes");
		}
	}

	private static String sniff(byte[] head) {
		return AudioFormats.sniff(head)
			.orElseThrow(() -> new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media",
					"The file is not an audio or video recording"));
	}

	private static byte[] readHead(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(AudioFormats.HEAD_BYTES);
		}
	}

	private static String sha256(Path file) throws IOException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
				in.transferTo(java.io.OutputStream.nullOutputStream());
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String filename(String original) {
		if (original == null || original.isBlank()) {
			return "recording";
		}
		String name = Path.of(original.replace('\\', '/')).getFileName().toString();
		return name.length() > 255 ? name.substring(name.length() - 255) : name;
	}

	private static long ceilDiv(long a, long b) {
		return (a + b - 1) / b;
	}

}
