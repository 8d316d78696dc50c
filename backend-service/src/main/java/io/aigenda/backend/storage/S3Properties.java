package io.aigenda.backend.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connection to an S3-compatible store. Only the backend holds these credentials;
 * everything else gets presigned URLs.
 *
 * @param pathStyle path-style addressing, which local servers (S3Proxy, MinIO) need
 */
@ConfigurationProperties("aigenda.s3")
public record S3Properties(@DefaultValue("http://127.0.0.1:9000") String endpoint,
		@DefaultValue("us-east-1") String region, String accessKey, String secretKey,
		@DefaultValue("aigenda") String bucket, @DefaultValue("true") boolean pathStyle) {
}
