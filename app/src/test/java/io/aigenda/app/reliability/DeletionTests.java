package io.aigenda.app.reliability;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.aigenda.app.PlatformFiles;
import io.aigenda.app.platform.Service;
import io.aigenda.backend.BackendProperties;
import io.aigenda.backend.storage.ObjectStore;
import io.aigenda.mlcontroller.vector.VectorCollection;
import io.aigenda.mlcontroller.vector.VectorPoint;
import io.aigenda.mlcontroller.vector.VectorStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deleting a meeting removes all of it, everywhere: its rows and objects in the backend,
 * its text chunks in the ml-controller's vector store (search stops finding it), and
 * objects a worker writes under its prefix after the delete with a URL it was handed
 * before. The organisation's named voiceprints stay.
 */
@ExtendWith(ReliabilityPlatform.Extension.class)
class DeletionTests {

	private static final String AREA = "deletion";

	private static final String QUERY = "/api/v1/search?q=ask+what+you+can+do+for+your+country";

	static ReliabilityPlatform suite;

	@BeforeAll
	static void platform(ReliabilityPlatform platform) {
		suite = platform;
	}

	@Test
	void aDeletedMeetingLeavesNoTextChunksNoObjectsAndNoSearchHits() throws Exception {
		Api org = suite.admin.newOrganisation("Deleting");
		UUID organisation = UUID.fromString(Api.json(org.get("/api/v1/me")).path("organisationId").asString());
		String id = org.createMeeting("To be deleted");
		HttpResponse<String> upload = org.putFile(BadInputTests.recording(id), "jfk.wav",
				Files.readAllBytes(PlatformFiles.JFK));
		assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
		assertThat(org.awaitDone(id, Duration.ofMinutes(4)).path("state").asString()).isEqualTo("PROCESSED");

		VectorStore vectors = suite.context(Service.ML_CONTROLLER).getBean(VectorStore.class);
		ObjectStore store = suite.context(Service.BACKEND).getBean(ObjectStore.class);
		String prefix = "orgs/" + organisation + "/meetings/" + id + "/";
		Report.check(AREA, "before: search finds the meeting, the vector store and S3 hold it", () -> {
			assertThat(poll(() -> org.get(QUERY).body().contains(id))).isTrue();
			assertThat(chunksOf(vectors, organisation, id)).isNotEmpty();
			assertThat(store.list(prefix)).isNotEmpty();
		});
		// a named speaker becomes the organisation's voiceprint, which outlives the
		// meeting
		assertThat(
				org.send("PUT", "/api/v1/meetings/" + id + "/speakers/S1", "{\"name\":\"John Kennedy\"}").statusCode())
			.isEqualTo(200);
		assertThat(poll(() -> !vectors.list(VectorCollection.VOICEPRINTS, organisation).isEmpty())).isTrue();

		// a worker that got its URL before the delete writes with it afterwards
		String serviceToken = suite.context(Service.BACKEND).getBean(BackendProperties.class).serviceToken();
		HttpResponse<String> urls = Api.call(HttpRequest
			.newBuilder(suite.admin.base().resolve("/api/v1/internal/meetings/" + id + "/artifact-urls"))
			.header("Authorization", "Bearer " + serviceToken)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"get\":[],\"put\":[\"late.json\"],\"ttlSeconds\":600}"))
			.build());
		assertThat(urls.statusCode()).as(urls.body()).isEqualTo(200);
		String lateUrl = Api.json(urls).path("putUrls").path("late.json").asString();

		HttpResponse<String> deleted = org.send("DELETE", "/api/v1/meetings/" + id, null);
		assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
		HttpResponse<String> late = Api.call(HttpRequest.newBuilder(URI.create(lateUrl))
			.PUT(HttpRequest.BodyPublishers.ofString("{\"late\":true}", StandardCharsets.UTF_8))
			.build());
		assertThat(late.statusCode()).as("the URL was valid when the worker got it").isEqualTo(200);

		Report.check(AREA, "after: search no longer finds the deleted meeting", () -> assertThat(poll(
				() -> !org.get(QUERY).body().contains(id) && !org.get("/api/v1/search?q=country").body().contains(id)))
			.isTrue());
		Report.check(AREA, "after: the vector store holds no text chunk of the meeting",
				() -> assertThat(poll(() -> chunksOf(vectors, organisation, id).isEmpty())).isTrue());
		Report.check(AREA, "after: S3 holds nothing under the meeting's prefix, a late worker write included",
				() -> assertThat(poll(() -> store.list(prefix).isEmpty())).as(String.valueOf(store.list(prefix)))
					.isTrue());
		Report.check(AREA, "after: the organisation's named voiceprint stays", () -> {
			assertThat(vectors.list(VectorCollection.VOICEPRINTS, organisation)).isNotEmpty();
			JsonNode voiceprints = Api.json(org.get("/api/v1/voiceprints"));
			assertThat(voiceprints.toString()).contains("John Kennedy");
		});
		Report.check(AREA, "after: the meeting and its minutes are gone from the API", () -> {
			assertThat(org.get("/api/v1/meetings/" + id).statusCode()).isEqualTo(404);
			assertThat(org.get("/api/v1/meetings/" + id + "/minutes").statusCode()).isEqualTo(404);
		});
	}

	private static List<VectorPoint> chunksOf(VectorStore vectors, UUID organisation, String meeting) {
		return vectors.list(VectorCollection.TEXT_CHUNKS, organisation)
			.stream()
			.filter(point -> meeting.equals(point.payload().get("meeting_id")))
			.toList();
	}

	/** Polls for up to 30 s (the sweep runs every 2 s in this suite). */
	private static boolean poll(Callable<Boolean> condition) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			if (condition.call()) {
				return true;
			}
			Thread.sleep(250);
		}
		return condition.call();
	}

}
