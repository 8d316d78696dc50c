package io.aigenda.contracts.internal;

import java.util.Map;

/**
 * Answer of the artifact-urls endpoints: a presigned URL and the full S3 key per
 * requested name.
 */
public record ArtifactUrls(Map<String, String> getUrls, Map<String, String> putUrls, Map<String, String> keys) {
}
