package io.aigenda.backend.upload;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A resumable upload: one S3 multipart upload of a meeting's recording. */
@Entity
@Table(name = "upload_sessions")
class UploadSession {

	static final String OPEN = "OPEN";

	static final String COMPLETED = "COMPLETED";

	static final String ABORTED = "ABORTED";

	@Id
	private UUID id;

	private UUID meetingId;

	@Column(name = "s3_upload_id")
	private String s3UploadId;

	private String objectKey;

	private String filename;

	private String contentType;

	private long sizeBytes;

	private long partSizeBytes;

	private int partCount;

	private String state;

	private Instant createdAt;

	private Instant completedAt;

	protected UploadSession() {
	}

	UploadSession(UUID meetingId, String s3UploadId, String objectKey, String filename, String contentType,
			long sizeBytes, long partSizeBytes, int partCount) {
		this.id = UUID.randomUUID();
		this.meetingId = meetingId;
		this.s3UploadId = s3UploadId;
		this.objectKey = objectKey;
		this.filename = filename;
		this.contentType = contentType;
		this.sizeBytes = sizeBytes;
		this.partSizeBytes = partSizeBytes;
		this.partCount = partCount;
		this.state = OPEN;
		this.createdAt = Instant.now();
	}

	void finish(String newState) {
		this.state = newState;
		this.completedAt = Instant.now();
	}

	UUID getId() {
		return this.id;
	}

	UUID getMeetingId() {
		return this.meetingId;
	}

	String getS3UploadId() {
		return this.s3UploadId;
	}

	String getObjectKey() {
		return this.objectKey;
	}

	String getFilename() {
		return this.filename;
	}

	String getContentType() {
		return this.contentType;
	}

	long getSizeBytes() {
		return this.sizeBytes;
	}

	long getPartSizeBytes() {
		return this.partSizeBytes;
	}

	int getPartCount() {
		return this.partCount;
	}

	String getState() {
		return this.state;
	}

	boolean isOpen() {
		return OPEN.equals(this.state);
	}

}
