package io.aigenda.backend.meeting;

import java.time.Instant;
import java.util.UUID;

import io.aigenda.contracts.FailureCategory;
import io.aigenda.contracts.Language;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A meeting and its recording's metadata. Never leaves the service: the API speaks
 * records.
 */
@Entity
@Table(name = "meetings")
public class Meeting {

	@Id
	private UUID id;

	private UUID organisationId;

	private UUID createdBy;

	private String title;

	@Convert(converter = LanguageConverter.class)
	private Language language;

	private Integer minSpeakers;

	private Integer maxSpeakers;

	@Enumerated(EnumType.STRING)
	private MeetingState state;

	private String failureReason;

	@Enumerated(EnumType.STRING)
	private FailureCategory failureCategory;

	private String originalFilename;

	private String contentType;

	private Long sizeBytes;

	private String recordingKey;

	@Column(name = "sha256")
	private String sha256;

	private Double durationSeconds;

	private Integer speakerCount;

	@Convert(converter = LanguageConverter.class)
	private Language transcriptLanguage;

	private int processingRun = 1;

	@Version
	private Long version;

	private Instant createdAt;

	private Instant updatedAt;

	private Instant uploadedAt;

	private Instant processedAt;

	protected Meeting() {
	}

	Meeting(UUID organisationId, UUID createdBy, String title, Language language, Integer minSpeakers,
			Integer maxSpeakers) {
		this.id = UUID.randomUUID();
		this.organisationId = organisationId;
		this.createdBy = createdBy;
		this.title = title;
		this.language = language;
		this.minSpeakers = minSpeakers;
		this.maxSpeakers = maxSpeakers;
		this.state = MeetingState.CREATED;
		this.createdAt = Instant.now();
		this.updatedAt = this.createdAt;
	}

	public void uploading() {
		this.state = MeetingState.UPLOADING;
		touch();
	}

	/** Back to waiting for a recording, after an upload was abandoned or refused. */
	public void uploadAbandoned() {
		this.state = MeetingState.CREATED;
		touch();
	}

	public void uploaded(String key, String filename, String contentType, long size, String sha256,
			Double durationSeconds) {
		this.state = MeetingState.UPLOADED;
		this.recordingKey = key;
		this.originalFilename = filename;
		this.contentType = contentType;
		this.sizeBytes = size;
		this.sha256 = sha256;
		this.durationSeconds = durationSeconds;
		this.uploadedAt = Instant.now();
		touch();
	}

	public void processing() {
		if (this.state == MeetingState.UPLOADED) {
			this.state = MeetingState.PROCESSING;
			touch();
		}
	}

	public void processed(Language transcriptLanguage, double durationSeconds, int speakerCount) {
		this.state = MeetingState.PROCESSED;
		this.transcriptLanguage = transcriptLanguage;
		this.durationSeconds = durationSeconds;
		this.speakerCount = speakerCount;
		this.failureReason = null;
		this.failureCategory = null;
		this.processedAt = Instant.now();
		touch();
	}

	public void failed(String reason) {
		failed(reason, null);
	}

	/**
	 * @param category what kind of failure it was, as the failed step's worker said;
	 * {@code null} when unknown
	 */
	public void failed(String reason, FailureCategory category) {
		this.state = MeetingState.FAILED;
		this.failureReason = reason;
		this.failureCategory = category;
		touch();
	}

	/**
	 * Whether processing again may help: {@code null} unless the meeting failed, false
	 * for a configuration error such as no model for the meeting's language.
	 */
	public Boolean isRetryable() {
		if (this.state != MeetingState.FAILED) {
			return null;
		}
		return this.failureCategory != FailureCategory.LANGUAGE;
	}

	/**
	 * A user's edit (merge, split, reassignment) changed how many speakers the transcript
	 * has.
	 */
	public void speakersChanged(int speakerCount) {
		this.speakerCount = speakerCount;
		touch();
	}

	/** A failed meeting's recording is processed again, as the next run. */
	void retried() {
		this.state = MeetingState.UPLOADED;
		this.failureReason = null;
		this.failureCategory = null;
		this.processingRun++;
		touch();
	}

	/** A person gave the meeting another title. */
	void renamed(String newTitle) {
		this.title = newTitle;
		touch();
	}

	private void touch() {
		this.updatedAt = Instant.now();
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getOrganisationId() {
		return this.organisationId;
	}

	public String getTitle() {
		return this.title;
	}

	public Language getLanguage() {
		return this.language;
	}

	public Integer getMinSpeakers() {
		return this.minSpeakers;
	}

	public Integer getMaxSpeakers() {
		return this.maxSpeakers;
	}

	public MeetingState getState() {
		return this.state;
	}

	public String getFailureReason() {
		return this.failureReason;
	}

	public String getOriginalFilename() {
		return this.originalFilename;
	}

	public String getContentType() {
		return this.contentType;
	}

	public Long getSizeBytes() {
		return this.sizeBytes;
	}

	public String getRecordingKey() {
		return this.recordingKey;
	}

	public String getSha256() {
		return this.sha256;
	}

	public Double getDurationSeconds() {
		return this.durationSeconds;
	}

	public Integer getSpeakerCount() {
		return this.speakerCount;
	}

	public int getProcessingRun() {
		return this.processingRun;
	}

	public Language getTranscriptLanguage() {
		return this.transcriptLanguage;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public Instant getUploadedAt() {
		return this.uploadedAt;
	}

	public Instant getProcessedAt() {
		return this.processedAt;
	}

}
