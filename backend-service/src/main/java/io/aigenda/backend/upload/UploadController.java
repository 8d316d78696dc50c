package io.aigenda.backend.upload;

import java.util.UUID;

import io.aigenda.backend.auth.Account;
import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/meetings/{meetingId}")
class UploadController {

	private final Uploads uploads;

	UploadController(Uploads uploads) {
		this.uploads = uploads;
	}

	@PutMapping(path = "/recording", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	UploadResult upload(@AuthenticationPrincipal Account account, @PathVariable UUID meetingId,
			@RequestPart("file") MultipartFile file) {
		return this.uploads.uploadDirect(account.organisationId(), meetingId, file);
	}

	@PostMapping("/uploads")
	ResponseEntity<UploadPlan> start(@AuthenticationPrincipal Account account, @PathVariable UUID meetingId,
			@Valid @RequestBody NewUpload request) {
		UploadPlan plan = this.uploads.start(account.organisationId(), meetingId, request);
		return ResponseEntity
			.created(java.net.URI.create("/api/v1/meetings/" + meetingId + "/uploads/" + plan.uploadId()))
			.body(plan);
	}

	@GetMapping("/uploads/{uploadId}")
	UploadStatus status(@AuthenticationPrincipal Account account, @PathVariable UUID meetingId,
			@PathVariable UUID uploadId) {
		return this.uploads.status(account.organisationId(), meetingId, uploadId);
	}

	@PostMapping("/uploads/{uploadId}/complete")
	UploadResult complete(@AuthenticationPrincipal Account account, @PathVariable UUID meetingId,
			@PathVariable UUID uploadId, @Valid @RequestBody CompleteUpload request) {
		return this.uploads.complete(account.organisationId(), meetingId, uploadId, request.parts());
	}

	@DeleteMapping("/uploads/{uploadId}")
	ResponseEntity<Void> abort(@AuthenticationPrincipal Account account, @PathVariable UUID meetingId,
			@PathVariable UUID uploadId) {
		this.uploads.abort(account.organisationId(), meetingId, uploadId);
		return ResponseEntity.noContent().build();
	}

}
