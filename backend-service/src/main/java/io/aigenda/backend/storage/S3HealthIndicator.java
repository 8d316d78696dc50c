package io.aigenda.backend.storage;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code s3} health component, part of readiness: uploads, exports and every
 * presigned URL the workers get need the bucket, so a backend that cannot reach it takes
 * no traffic.
 */
@Component("s3HealthIndicator")
class S3HealthIndicator implements HealthIndicator {

	private final S3Client s3;

	private final String bucket;

	S3HealthIndicator(S3Client s3, S3Properties properties) {
		this.s3 = s3;
		this.bucket = properties.bucket();
	}

	@Override
	public Health health() {
		try {
			this.s3.headBucket(b -> b.bucket(this.bucket));
			return Health.up().withDetail("bucket", this.bucket).build();
		}
		catch (SdkException ex) {
			// the message names the endpoint and the status, never the credentials
			return Health.down().withDetail("bucket", this.bucket).withDetail("error", ex.getMessage()).build();
		}
	}

}
