package io.aigenda.backend.upload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST .../uploads}. */
record NewUpload(@Size(max = 255) String filename, @NotNull Long sizeBytes, @Size(max = 200) String contentType) {
}

/** Where to PUT each part; URLs expire at {@code expiresAt}. */
record UploadPlan(UUID uploadId, long partSizeBytes, int partCount, List<PartUrl> parts, Instant expiresAt) {

	record PartUrl(int partNumber, String url) {
	}

}

/**
 * What is stored already, and fresh URLs for the rest, to resume an interrupted upload.
 */
record UploadStatus(UUID uploadId, String state, long sizeBytes, long partSizeBytes, int partCount,
		List<StoredPart> storedParts, List<UploadPlan.PartUrl> missingParts) {

	record StoredPart(int partNumber, String etag, Long sizeBytes) {
	}

}

/**
 * Body of {@code POST .../uploads/{uploadId}/complete}: the ETag S3 returned for each
 * part.
 */
record CompleteUpload(@NotEmpty List<@Valid PartEtag> parts) {

	record PartEtag(@Min(1) int partNumber, @NotBlank String etag) {
	}

}

/** A stored recording. */
record UploadResult(UUID meetingId, String state, String filename, String contentType, long sizeBytes, String sha256,
		Double durationSeconds) {
}
