package io.aigenda.backend.problem;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An object store that is down or failing is a reason to try again later, not an internal
 * error; one that refuses a request (4xx) still is one, since the backend made that
 * request.
 */
class StorageProblemTests {

	private final ProblemHandler handler = new ProblemHandler();

	@Test
	void anUnreachableStoreIsServiceUnavailableWithRetryAfter() {
		ResponseEntity<ProblemDetail> response = this.handler
			.storageUnreachable(SdkClientException.create("Unable to execute HTTP request: Connection refused"));
		assertThat(response.getStatusCode().value()).isEqualTo(503);
		assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
			.isEqualTo(String.valueOf(ProblemHandler.STORAGE_RETRY_AFTER_SECONDS));
		assertThat(response.getBody().getType().toString()).isEqualTo(Problems.BASE + "storage-unavailable");
		assertThat(response.getBody().getDetail()).doesNotContain("Connection refused");
	}

	@Test
	void aStoreAnsweringWithAServerErrorIsServiceUnavailable() {
		S3Exception slowDown = (S3Exception) S3Exception.builder().statusCode(503).message("Slow Down").build();
		ResponseEntity<ProblemDetail> response = this.handler.storageFailed(slowDown);
		assertThat(response.getStatusCode().value()).isEqualTo(503);
		assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
	}

	@Test
	void aStoreRefusingTheRequestIsAnInternalError() {
		S3Exception denied = (S3Exception) S3Exception.builder().statusCode(403).message("Access Denied").build();
		ResponseEntity<ProblemDetail> response = this.handler.storageFailed(denied);
		assertThat(response.getStatusCode().value()).isEqualTo(500);
		assertThat(response.getBody().getDetail()).isEqualTo("Internal error");
	}

}
