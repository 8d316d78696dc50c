package io.aigenda.contracts;

import java.util.Map;

/**
 * Answer of the artifact-urls endpoint: a presigned URL and the full S3 key per requested
 * name.
 */
public record ArtifactUrls(Map<String, String> getUrls, Map<String, String> putUrls, Map<String, String> keys) {
}
