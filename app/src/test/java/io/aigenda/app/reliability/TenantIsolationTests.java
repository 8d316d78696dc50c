package io.aigenda.app.reliability;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.aigenda.app.platform.Service;
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
 * A member of organisation B tries every operation of the backend's OpenAPI document on
 * organisation A's meeting, upload, speakers, voiceprint and token, and on guessed ids:
 * each is refused as if the resource did not exist, and A's data stays as it was. A new
 * operation that this class does not know fails the test until it is added here.
 */
@ExtendWith(ReliabilityPlatform.Extension.class)
class TenantIsolationTests {

	private static final String AREA = "tenant isolation";

	/**
	 * Operations without ids: each is scoped to the caller, so B's answer must not
	 * mention A's ids.
	 */
	static final Set<String> CALLER_SCOPED = Set.of("GET /api/v1/meetings", "POST /api/v1/meetings",
			"GET /api/v1/search", "GET /api/v1/voiceprints", "GET /api/v1/tokens", "POST /api/v1/tokens",
			"GET /api/v1/me", "GET /api/v1/session", "POST /api/v1/session", "DELETE /api/v1/session",
			"PUT /api/v1/session/organisation", "POST /api/v1/admin/organisations", "GET /api/v1/recorder/bot",
			"POST /api/v1/voiceprints", "GET /api/v1/glossary", "PUT /api/v1/glossary", "GET /api/v1/datasets/asr",
			"GET /api/v1/datasets/minutes", "GET /api/v1/webhooks", "POST /api/v1/webhooks", "GET /api/v1/languages");

	/**
	 * A share link's read-only view: its random token is the credential and opens exactly
	 * one meeting for anyone who holds it, signed in or not
	 * ({@code ShareLinkIntegrationTests} and the browser test cover expiry and
	 * revocation).
	 */
	static final Set<String> TOKEN_SCOPED = Set.of("GET /api/v1/shared/{token}",
			"GET /api/v1/shared/{token}/recording");

	/**
	 * Request bodies that would be accepted from the owner, so that only the tenant check
	 * can refuse.
	 */
	static final Map<String, String> BODIES = Map.ofEntries(
			Map.entry("POST /api/v1/meetings/{meetingId}/uploads", "{\"filename\":\"x.wav\",\"sizeBytes\":1000}"),
			Map.entry("POST /api/v1/meetings/{meetingId}/uploads/{uploadId}/complete",
					"{\"parts\":[{\"partNumber\":1,\"etag\":\"x\"}]}"),
			Map.entry("PUT /api/v1/meetings/{meetingId}/speakers/{label}", "{\"name\":\"Mallory\"}"),
			Map.entry("POST /api/v1/meetings/{meetingId}/speakers/merge", "{\"from\":\"S1\",\"into\":\"S2\"}"),
			Map.entry("POST /api/v1/meetings/{meetingId}/speakers/reassign",
					"{\"start\":0,\"end\":1,\"from\":\"S1\",\"to\":\"S2\"}"),
			Map.entry("PUT /api/v1/meetings/{meetingId}/words/{index}", "{\"text\":\"hacked\"}"),
			Map.entry("PATCH /api/v1/meetings/{id}", "{\"title\":\"Taken over\"}"),
			Map.entry("POST /api/v1/meetings/{meetingId}/ask", "{\"question\":\"What was said?\"}"),
			Map.entry("POST /api/v1/meetings/{meetingId}/bot", "{\"url\":\"https://meet.jit.si/x\"}"),
			Map.entry("POST /api/v1/admin/organisations/{id}/users",
					"{\"email\":\"mallory@b.test\",\"password\":\"mallory-password\"}"),
			Map.entry("PUT /api/v1/internal/bots/{botId}/state", "{\"state\":\"LEFT\"}"),
			Map.entry("POST /api/v1/internal/meetings/{meetingId}/artifact-urls", "{\"get\":[\"recording\"]}"),
			Map.entry("POST /api/v1/meetings", "{\"title\":\"B's\",\"language\":\"en\"}"),
			Map.entry("POST /api/v1/tokens", "{\"name\":\"b\"}"),
			Map.entry("POST /api/v1/session", "{\"email\":\"admin@aigenda.local\",\"password\":\"wrong\"}"),
			Map.entry("POST /api/v1/admin/organisations", "{\"name\":\"Taken over\"}"),
			Map.entry("PUT /api/v1/glossary", "{\"terms\":[\"Mallory\"]}"),
			Map.entry("POST /api/v1/webhooks", "{\"url\":\"https://203.0.113.20/b\"}"));

	static ReliabilityPlatform suite;

	static Api a;

	static Api b;

	static String meeting;

	static Map<String, String> ids;

	static String shareId;

	static Map<String, String> bodies;

	@BeforeAll
	static void twoOrganisations(ReliabilityPlatform platform) throws Exception {
		suite = platform;
		a = platform.admin;
		b = a.newOrganisation("Organisation B");
		meeting = platform.finishedMeeting();
		// a voiceprint: naming a speaker keeps it for the organisation
		assertThat(a.send("PUT", "/api/v1/meetings/" + meeting + "/speakers/S1", "{\"name\":\"John Kennedy\"}")
			.statusCode()).isEqualTo(200);
		String voiceprint = null;
		for (int i = 0; i < 60 && voiceprint == null; i++) {
			JsonNode list = Api.json(a.get("/api/v1/voiceprints"));
			voiceprint = list.isEmpty() ? null : list.get(0).path("id").asString();
			Thread.sleep(250);
		}
		assertThat(voiceprint).as("a voiceprint of organisation A").isNotNull();
		String waiting = a.createMeeting("A's meeting with an open upload");
		String upload = Api
			.json(a.send("POST", BadInputTests.uploads(waiting), "{\"filename\":\"a.wav\",\"sizeBytes\":1000}"))
			.path("uploadId")
			.asString();
		String token = Api.json(a.get("/api/v1/tokens")).get(0).path("id").asString();
		String organisation = Api.json(a.get("/api/v1/me")).path("organisationId").asString();
		HttpResponse<String> webhook = a.send("POST", "/api/v1/webhooks", "{\"url\":\"https://203.0.113.10/a\"}");
		assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(201);
		assertThat(a.send("PUT", "/api/v1/glossary", "{\"terms\":[\"AiGenda\"]}").statusCode()).isEqualTo(200);
		bodies = new java.util.HashMap<>(BODIES);
		// the minutes as A has them: a valid document, refused only for whose it is
		bodies.put("PUT /api/v1/meetings/{meetingId}/minutes",
				a.get("/api/v1/meetings/" + meeting + "/minutes").body());
		HttpResponse<String> share = a.send("POST", "/api/v1/meetings/" + meeting + "/shares", "{\"days\":1}");
		assertThat(share.statusCode()).as(share.body()).isEqualTo(201);
		shareId = Api.json(share).path("id").asString();
		ids = Map.of("meeting", meeting, "waiting", waiting, "upload", upload, "voiceprint", voiceprint, "token", token,
				"organisation", organisation, "webhook", Api.json(webhook).path("id").asString());
	}

	@Test
	void everyOperationOfTheApiRefusesAnotherOrganisationsIds() throws Exception {
		ObjectStore store = suite.context(Service.BACKEND).getBean(ObjectStore.class);
		BadInputTests.Snapshot before = BadInputTests.Snapshot.of(a, store, meeting);
		String beforeVoiceprints = a.get("/api/v1/voiceprints").body();
		String beforeUpload = uploadState();
		List<String> unknown = new ArrayList<>();

		for (String operation : operations(a)) {
			String method = operation.substring(0, operation.indexOf(' '));
			String template = operation.substring(operation.indexOf(' ') + 1);
			if (TOKEN_SCOPED.contains(operation)) {
				continue;
			}
			if (!template.contains("{")) {
				if (!CALLER_SCOPED.contains(operation)) {
					unknown.add(operation);
					continue;
				}
				Report.check(AREA, operation + " (B's own scope)", () -> {
					HttpResponse<String> response = call(method, template.equals("/api/v1/search")
							? template + "?q=what+can+you+do+for+your+country" : template, bodies.get(operation));
					assertThat(response.statusCode()).as(operation + " " + response.body()).isLessThan(500);
					for (String id : ids.values()) {
						assertThat(response.body()).as(operation).doesNotContain(id);
					}
				});
				continue;
			}
			String real = substitute(template, false);
			String guessed = substitute(template, true);
			if (real == null) {
				unknown.add(operation);
				continue;
			}
			Report.check(AREA, operation + " with A's ids",
					() -> refused(operation, call(method, real, bodies.get(operation))));
			Report.check(AREA, operation + " with guessed ids",
					() -> refused(operation, call(method, guessed, bodies.get(operation))));
		}

		assertThat(unknown).as("operations this test does not cover yet: add them to TenantIsolationTests").isEmpty();
		Report.check(AREA, "A's meeting, voiceprint and upload unchanged", () -> {
			assertThat(BadInputTests.Snapshot.of(a, store, meeting)).isEqualTo(before);
			assertThat(a.get("/api/v1/voiceprints").body()).isEqualTo(beforeVoiceprints);
			assertThat(uploadState()).isEqualTo(beforeUpload);
			assertThat(a.get("/api/v1/tokens").body()).contains(ids.get("token"));
		});
	}

	@Test
	void searchAndExportsNeverShowAnotherOrganisationsMeetings() throws Exception {
		Report.check(AREA, "A finds its own meeting by search", () -> {
			JsonNode found = null;
			for (int i = 0; i < 60 && (found == null || found.isEmpty()); i++) {
				found = Api.json(a.get("/api/v1/search?q=ask+what+you+can+do+for+your+country")).path("results");
				Thread.sleep(250);
			}
			assertThat(found.toString()).contains(meeting);
		});
		Report.check(AREA, "B's search never returns A's meeting", () -> {
			for (String query : List.of("country", "ask what you can do for your country", "John Kennedy", "*")) {
				HttpResponse<String> response = b.get("/api/v1/search?q="
						+ java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.body()).doesNotContain(meeting);
			}
		});
		Report.check(AREA, "B's exports of A's meeting refused in every format", () -> {
			for (String format : List.of("txt", "srt", "vtt", "json", "md", "docx", "rttm")) {
				refused("export " + format, b.get("/api/v1/meetings/" + meeting + "/export?format=" + format));
			}
		});
	}

	@Test
	void storageKeysAndVectorPointsCarryTheOrganisation() throws Exception {
		ObjectStore store = suite.context(Service.BACKEND).getBean(ObjectStore.class);
		String organisationA = ids.get("organisation");
		String organisationB = Api.json(b.get("/api/v1/me")).path("organisationId").asString();
		Report.check(AREA, "every S3 key starts with its meeting's organisation", () -> {
			List<String> keys = storedKeys(store);
			assertThat(keys).isNotEmpty().allMatch(key -> key.startsWith("orgs/"));
			assertThat(keys.stream().filter(key -> key.contains("/meetings/" + meeting + "/"))).isNotEmpty()
				.allMatch(key -> key.startsWith("orgs/" + organisationA + "/meetings/" + meeting + "/"));
		});
		VectorStore vectors = suite.context(Service.ML_CONTROLLER).getBean(VectorStore.class);
		Report.check(AREA, "vector store: A's text and voiceprints are invisible under B", () -> {
			List<VectorPoint> chunks = vectors.list(VectorCollection.TEXT_CHUNKS, UUID.fromString(organisationA));
			List<VectorPoint> voiceprints = vectors.list(VectorCollection.VOICEPRINTS, UUID.fromString(organisationA));
			assertThat(chunks).isNotEmpty();
			assertThat(voiceprints).isNotEmpty();
			UUID orgB = UUID.fromString(organisationB);
			assertThat(vectors.list(VectorCollection.TEXT_CHUNKS, orgB)).isEmpty();
			assertThat(vectors.list(VectorCollection.VOICEPRINTS, orgB)).isEmpty();
			// the very vector of A's point, asked for under B, finds nothing
			assertThat(vectors.search(VectorCollection.TEXT_CHUNKS, orgB, chunks.get(0).vector(), 10, -1)).isEmpty();
			assertThat(vectors.search(VectorCollection.VOICEPRINTS, orgB, voiceprints.get(0).vector(), 10, -1))
				.isEmpty();
			assertThat(vectors.get(VectorCollection.TEXT_CHUNKS, orgB, chunks.get(0).id())).isEmpty();
			assertThat(vectors.delete(VectorCollection.TEXT_CHUNKS, orgB, chunks.get(0).id())).isFalse();
			assertThat(vectors.get(VectorCollection.TEXT_CHUNKS, UUID.fromString(organisationA), chunks.get(0).id()))
				.isPresent();
		});
	}

	/** Every "METHOD /path" of the running backend's OpenAPI document. */
	static Set<String> operations(Api api) {
		HttpResponse<String> docs = api.anonymous().get("/v3/api-docs");
		assertThat(docs.statusCode()).isEqualTo(200);
		Set<String> operations = new LinkedHashSet<>();
		JsonNode paths = Api.json(docs).path("paths");
		for (Iterator<Map.Entry<String, JsonNode>> it = paths.properties().iterator(); it.hasNext();) {
			Map.Entry<String, JsonNode> path = it.next();
			for (String method : path.getValue().propertyNames()) {
				operations.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
			}
		}
		assertThat(operations).hasSizeGreaterThan(20);
		return operations;
	}

	/**
	 * The path with A's ids (or random ones) in place of its variables; null for a
	 * variable not known here.
	 */
	private static String substitute(String template, boolean guess) {
		String path = template;
		boolean meetingScoped = template.startsWith("/api/v1/meetings/")
				|| template.startsWith("/api/v1/internal/meetings/");
		String meetingId = template.contains("{uploadId}") ? ids.get("waiting") : ids.get("meeting");
		Map<String, String> values = Map.of("{meetingId}", meetingId, "{uploadId}", ids.get("upload"), "{voiceprintId}",
				ids.get("voiceprint"), "{label}", "S1", "{index}", "0", "{sequence}", "1", "{botId}",
				UUID.randomUUID().toString(), "{shareId}", shareId);
		for (Map.Entry<String, String> value : values.entrySet()) {
			boolean isId = value.getValue().length() == 36;
			path = path.replace(value.getKey(), guess && isId ? UUID.randomUUID().toString() : value.getValue());
		}
		if (path.contains("{id}")) {
			String id = meetingScoped ? meetingId : template.startsWith("/api/v1/tokens/") ? ids.get("token")
					: template.startsWith("/api/v1/webhooks/") ? ids.get("webhook")
							: template.startsWith("/api/v1/admin/organisations/") ? ids.get("organisation") : null;
			if (id == null) {
				return null;
			}
			path = path.replace("{id}", guess ? UUID.randomUUID().toString() : id);
		}
		return path.contains("{") ? null : path;
	}

	private static HttpResponse<String> call(String method, String path, String body) {
		if (path.endsWith("/recording") && method.equals("PUT")) {
			return b.putFile(path, "b.wav", BadInputTests.wav(16000, 1, 16, 32000, new byte[32000]));
		}
		HttpRequest.Builder request = b.request(path).timeout(Duration.ofSeconds(10));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return Api.call(
				request
					.method(method,
							body == null ? HttpRequest.BodyPublishers.noBody()
									: HttpRequest.BodyPublishers.ofString(body))
					.build());
	}

	/**
	 * Refused as unknown (404) or forbidden (403, B is no administrator or service);
	 * never 2xx or 5xx.
	 */
	private static void refused(String operation, HttpResponse<String> response) {
		// a recorder endpoint knows only recorder tokens, so B's API token is not even
		// authenticated there
		List<Integer> refusals = operation.contains("/api/v1/recorder/") ? List.of(401, 403, 404) : List.of(403, 404);
		assertThat(response.statusCode()).as(operation + " -> " + response.body()).isIn(refusals);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		// the problem may echo the path B asked for ("instance"), and must say nothing
		// else of A's
		JsonNode problem = Api.json(response);
		for (String id : ids.values()) {
			assertThat(problem.path("detail").asString() + problem.path("title").asString()).doesNotContain(id);
		}
	}

	/**
	 * The object keys of the store, as the backend wrote them. The file-system S3 server
	 * keeps an open multipart upload as {@code .mpus-<uploadId>-<key>} plus a folder
	 * named by the upload id; those count as their key.
	 */
	static List<String> storedKeys(ObjectStore store) {
		List<String> all = store.list("").stream().filter(key -> !key.endsWith("/")).toList();
		Set<String> uploadIds = new java.util.HashSet<>();
		List<String> keys = new ArrayList<>();
		for (String key : all) {
			java.util.regex.Matcher pending = java.util.regex.Pattern.compile("^\\.mpus-([0-9a-f-]{36})-(.*)-stub$")
				.matcher(key);
			if (pending.matches()) {
				uploadIds.add(pending.group(1));
				keys.add(pending.group(2));
			}
		}
		for (String key : all) {
			if (!key.startsWith(".mpus-") && !uploadIds.contains(key.split("/")[0])) {
				keys.add(key);
			}
		}
		return keys;
	}

	private static String uploadState() {
		return a.get(BadInputTests.uploads(ids.get("waiting")) + "/" + ids.get("upload"))
			.body()
			.replaceAll("X-Amz-[^\"&]*", "");
	}

}
