package io.aigenda.backend.upload;

import io.aigenda.backend.problem.ApiException;

import org.springframework.http.HttpStatus;

/**
 * The recording looks like audio but cannot be decoded (truncated, corrupt, no audio
 * track).
 */
class UndecodableRecordingException extends ApiException {

	UndecodableRecordingException(String message) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "undecodable-recording", message);
	}

}
