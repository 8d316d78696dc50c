package io.aigenda.contracts.internal;

import java.util.List;

/**
 * Body of the backend's {@link InternalPaths#MEETING_ARTIFACT_URLS} and
 * {@link InternalPaths#VOICEPRINT_ARTIFACT_URLS}, which the ml-controller calls (with its
 * service token) to get presigned URLs for one meeting or voiceprint enrolment. Names are
 * relative to the owner: {@code recording} (a meeting's upload) or {@code clip} (an
 * enrolment's) is the audio; anything else is an artifact name such as
 * {@code transcript.asr.json}.
 *
 * @param ttlSeconds how long the URLs stay valid (the backend caps it)
 */
public record ArtifactUrlsRequest(List<String> get, List<String> put, long ttlSeconds) {
}
