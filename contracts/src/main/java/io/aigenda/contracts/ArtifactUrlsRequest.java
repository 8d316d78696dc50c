package io.aigenda.contracts;

import java.util.List;

/**
 * Body of the backend's internal endpoint {@code POST
 * /api/v1/internal/meetings/{id}/artifact-urls} that the ml-controller calls (with its
 * service token) to get presigned URLs for one meeting. Names are relative to the
 * meeting: {@code recording} is the uploaded audio; anything else is an artifact name
 * such as {@code transcript.asr.json}.
 *
 * @param ttlSeconds how long the URLs stay valid (the backend caps it)
 */
public record ArtifactUrlsRequest(List<String> get, List<String> put, long ttlSeconds) {
}
