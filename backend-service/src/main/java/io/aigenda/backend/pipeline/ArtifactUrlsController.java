package io.aigenda.backend.pipeline;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.aigenda.backend.meeting.Meeting;
import io.aigenda.backend.meeting.MeetingRepository;
import io.aigenda.backend.problem.ApiException;
import io.aigenda.backend.speaker.VoiceprintEnrolments;
import io.aigenda.backend.storage.ObjectStore;
import io.aigenda.backend.storage.StorageKeys;
import io.aigenda.contracts.internal.ArtifactUrls;
import io.aigenda.contracts.internal.ArtifactUrlsRequest;
import io.aigenda.contracts.internal.InternalPaths;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Presigned URLs for one meeting's objects, or one voiceprint enrolment's, for the
 * ml-controller to hand to workers: the only way anything but the backend reaches S3.
 */
@RestController
class ArtifactUrlsController {

	static final Duration MAX_TTL = Duration.ofHours(1);

	static final Duration DEFAULT_TTL = Duration.ofMinutes(15);

	private final MeetingRepository meetings;

	private final ObjectStore store;

	private final VoiceprintEnrolments voiceprints;

	ArtifactUrlsController(MeetingRepository meetings, ObjectStore store, VoiceprintEnrolments voiceprints) {
		this.meetings = meetings;
		this.store = store;
		this.voiceprints = voiceprints;
	}

	@PostMapping(InternalPaths.MEETING_ARTIFACT_URLS)
	ArtifactUrls urls(@PathVariable UUID meetingId, @RequestBody ArtifactUrlsRequest request) {
		Meeting meeting = this.meetings.findById(meetingId).orElseThrow(() -> ApiException.notFound("Meeting"));
		return sign(request, StorageKeys.RECORDING,
				name -> StorageKeys.keyOf(meeting.getOrganisationId(), meetingId, name));
	}

	/**
	 * The same for a voiceprint enrolment: its clip ({@code clip}) and the clip's
	 * diarization.
	 */
	@PostMapping(InternalPaths.VOICEPRINT_ARTIFACT_URLS)
	ArtifactUrls voiceprintUrls(@PathVariable UUID voiceprintId, @RequestBody ArtifactUrlsRequest request) {
		UUID organisationId = this.voiceprints.organisationOf(voiceprintId)
			.orElseThrow(() -> ApiException.notFound("Voiceprint"));
		return sign(request, StorageKeys.CLIP, name -> StorageKeys.voiceprintKeyOf(organisationId, voiceprintId, name));
	}

	/**
	 * @param source the name of the uploaded audio, which may be read but never
	 * overwritten
	 * @param keys full key of each name
	 */
	private ArtifactUrls sign(ArtifactUrlsRequest request, String source, Function<String, String> keys) {
		List<String> get = request.get() != null ? request.get() : List.of();
		List<String> put = request.put() != null ? request.put() : List.of();
		for (String name : concat(get, put)) {
			if (!source.equals(name) && !StorageKeys.isArtifactName(name)) {
				throw ApiException.badRequest("invalid-artifact-name",
						"'" + name + "' is not '" + source + "' or a plain JSON artifact name");
			}
		}
		if (put.contains(source)) {
			throw ApiException.badRequest("invalid-artifact-name", "The " + source + " cannot be overwritten");
		}
		Duration ttl = request.ttlSeconds() <= 0 ? DEFAULT_TTL : Duration.ofSeconds(request.ttlSeconds());
		if (ttl.compareTo(MAX_TTL) > 0) {
			ttl = MAX_TTL;
		}
		Map<String, String> getUrls = new LinkedHashMap<>();
		Map<String, String> putUrls = new LinkedHashMap<>();
		Map<String, String> keyMap = new LinkedHashMap<>();
		for (String name : get) {
			String key = keys.apply(name);
			getUrls.put(name, this.store.presignGet(key, ttl));
			keyMap.put(name, key);
		}
		for (String name : put) {
			String key = keys.apply(name);
			putUrls.put(name, this.store.presignPut(key, ttl));
			keyMap.put(name, key);
		}
		return new ArtifactUrls(getUrls, putUrls, keyMap);
	}

	private static List<String> concat(List<String> a, List<String> b) {
		java.util.ArrayList<String> all = new java.util.ArrayList<>(a);
		all.addAll(b);
		return all;
	}

}
