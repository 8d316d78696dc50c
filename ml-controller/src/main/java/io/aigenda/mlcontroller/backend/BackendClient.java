package io.aigenda.mlcontroller.backend;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.aigenda.contracts.internal.ArtifactUrls;
import io.aigenda.contracts.internal.ArtifactUrlsRequest;
import io.aigenda.contracts.internal.InternalApiClient;
import io.aigenda.mlcontroller.MlControllerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The backend's internal API: presigned URLs per meeting or voiceprint, through the
 * shared {@link InternalApiClient}. The controller holds no S3 credentials: every object
 * it reads or writes goes through a URL the backend signed.
 */
@Component
public class BackendClient {

	private static final Logger log = LoggerFactory.getLogger(BackendClient.class);

	private final InternalApiClient backend;

	BackendClient(MlControllerProperties properties) {
		this.backend = new InternalApiClient(properties.backendUrl(), properties.serviceToken(),
				properties.httpTimeout(), properties.httpTimeout());
		if (properties.serviceToken().isBlank()) {
			log.warn("aigenda.ml-controller.service-token is not set; the backend will refuse to sign URLs");
		}
	}

	/**
	 * Presigned URLs for one meeting's recording and artifacts, valid for {@code ttl}.
	 */
	public ArtifactUrls artifactUrls(UUID meetingId, List<String> get, List<String> put, Duration ttl) {
		return complete(this.backend.meetingArtifactUrls(meetingId, new ArtifactUrlsRequest(get, put, ttl.toSeconds())),
				get, put);
	}

	/**
	 * Presigned URLs for an enrolled voiceprint's objects: {@code clip} is the uploaded
	 * audio, anything else a JSON artifact of the enrolment.
	 */
	public ArtifactUrls voiceprintUrls(UUID voiceprintId, List<String> get, List<String> put, Duration ttl) {
		return complete(
				this.backend.voiceprintArtifactUrls(voiceprintId, new ArtifactUrlsRequest(get, put, ttl.toSeconds())),
				get, put);
	}

	/** The answer, once it is known to have a URL (and a key) for every name asked. */
	private static ArtifactUrls complete(ArtifactUrls urls, List<String> get, List<String> put) {
		for (String name : get) {
			require(urls.getUrls() != null && urls.getUrls().containsKey(name), "no GET URL for " + name);
		}
		for (String name : put) {
			require(urls.putUrls() != null && urls.putUrls().containsKey(name), "no PUT URL for " + name);
			require(urls.keys() != null && urls.keys().containsKey(name), "no key for " + name);
		}
		return urls;
	}

	private static void require(boolean condition, String problem) {
		if (!condition) {
			throw new BackendException("Backend artifact-urls answer has " + problem);
		}
	}

}
