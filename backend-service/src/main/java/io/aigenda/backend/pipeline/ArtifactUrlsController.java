package io.aigenda.backend.pipeline;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.aigenda.backend.meeting.Meeting;
import io.aigenda.backend.meeting.MeetingRepository;
import io.aigenda.backend.problem.ApiException;
import io.aigenda.backend.storage.ObjectStore;
import io.aigenda.backend.storage.StorageKeys;
import io.aigenda.contracts.ArtifactUrls;
import io.aigenda.contracts.ArtifactUrlsRequest;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Presigned URLs for one meeting's objects, for the ml-controller to hand to workers: the only way
 * anything but the backend reaches S3.
 */
@RestController
class ArtifactUrlsController {

	static final Duration MAX_TTL = Duration.ofHours(1);

	static final Duration DEFAULT_TTL = Duration.ofMinutes(15);

	private final MeetingRepository meetings;

	private final ObjectStore store;

	ArtifactUrlsController(MeetingRepository meetings, ObjectStore store) {
		this.meetings = meetings;
		this.store = store;
	}

	@PostMapping("/api/v1/internal/meetings/{meetingId}/artifact-urls")
	ArtifactUrls urls(@PathVariable UUID meetingId, @RequestBody ArtifactUrlsRequest request) {
		Meeting meeting = this.meetings.findById(meetingId).orElseThrow(() -> ApiException.notFound("Meeting"));
		List<String> get = request.get() != null ? request.get() : List.of();
		List<String> put = request.put() != null ? request.put() : List.of();
		for (String name : concat(get, put)) {
			if (!StorageKeys.isValidName(name)) {
				throw ApiException.badRequest("invalid-artifact-name",
						"'" + name + "' is not 'recording' or a plain JSON artifact name");
			}
		}
		if (put.contains(StorageKeys.RECORDING)) {
			throw ApiException.badRequest("invalid-artifact-name", "The recording cannot be overwritten");
		}
		Duration ttl = request.ttlSeconds() <= 0 ? DEFAULT_TTL : Duration.ofSeconds(request.ttlSeconds());
		if (ttl.compareTo(MAX_TTL) > 0) {
			ttl = MAX_TTL;
		}
		Map<String, String> getUrls = new LinkedHashMap<>();
		Map<String, String> putUrls = new LinkedHashMap<>();
		Map<String, String> keys = new LinkedHashMap<>();
		for (String name : get) {
			String key = StorageKeys.keyOf(meeting.getOrganisationId(), meetingId, name);
			getUrls.put(name, this.store.presignGet(key, ttl));
			keys.put(name, key);
		}
		for (String name : put) {
			String key = StorageKeys.keyOf(meeting.getOrganisationId(), meetingId, name);
			putUrls.put(name, this.store.presignPut(key, ttl));
			keys.put(name, key);
		}
		return new ArtifactUrls(getUrls, putUrls, keys);
	}

	private static List<String> concat(List<String> a, List<String> b) {
		java.util.ArrayList<String> all = new java.util.ArrayList<>(a);
		all.addAll(b);
		return all;
	}

}
