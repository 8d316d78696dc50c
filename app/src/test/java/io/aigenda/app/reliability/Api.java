package io.aigenda.app.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The backend's REST API as a client sees it, with one API token (or none). */
record Api(URI base, String token) {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	Api anonymous() {
		return new Api(this.base, null);
	}

	Api as(String otherToken) {
		return new Api(this.base, otherToken);
	}

	HttpResponse<String> get(String path) {
		return send("GET", path, null);
	}

	/** A request with a JSON body (or none when {@code json} is null). */
	HttpResponse<String> send(String method, String path, String json) {
		HttpRequest.Builder request = request(path);
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method,
				json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		return call(request.build());
	}

	/**
	 * A multipart/form-data PUT of one part named {@code file}; the file name goes as raw
	 * bytes.
	 */
	HttpResponse<String> putFile(String path, byte[] filename, byte[] content) {
		String boundary = "aigenda" + UUID.randomUUID();
		byte[] head = concat("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"",
				filename, "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
		return call(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.PUT(HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(head, content, tail)))
			.build());
	}

	HttpResponse<String> putFile(String path, String filename, byte[] content) {
		return putFile(path, filename.getBytes(StandardCharsets.UTF_8), content);
	}

	/** Creates a meeting and returns its id. */
	String createMeeting(String title) {
		HttpResponse<String> created = send("POST", "/api/v1/meetings",
				"{\"title\":\"" + title + "\",\"language\":\"en\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json(created).path("id").asString();
	}

	JsonNode meeting(String id) {
		HttpResponse<String> response = get("/api/v1/meetings/" + id);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response);
	}

	/** Waits until the meeting has finished or failed, and returns it. */
	JsonNode awaitDone(String id, java.time.Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		JsonNode meeting = meeting(id);
		while (!done(meeting) && System.nanoTime() < deadline) {
			Thread.sleep(250);
			meeting = meeting(id);
		}
		return meeting;
	}

	static boolean done(JsonNode meeting) {
		String state = meeting.path("state").asString();
		return "PROCESSED".equals(state) || "FAILED".equals(state);
	}

	/** A new organisation with one member; returns the member's API. */
	Api newOrganisation(String name) {
		return newMember(name).api();
	}

	/**
	 * A new organisation with one member, whose e-mail, password and API are returned.
	 */
	Member newMember(String name) {
		HttpResponse<String> organisation = send("POST", "/api/v1/admin/organisations",
				"{\"name\":\"" + name + " " + UUID.randomUUID() + "\"}");
		assertThat(organisation.statusCode()).as(organisation.body()).isEqualTo(201);
		String id = json(organisation).path("id").asString();
		String email = UUID.randomUUID() + "@" + name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + ".test";
		String password = "pw-" + UUID.randomUUID();
		HttpResponse<String> user = send("POST", "/api/v1/admin/organisations/" + id + "/users",
				"{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
		assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
		return new Member(email, password, as(json(user).path("apiToken").asString()));
	}

	record Member(String email, String password, Api api) {
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	/**
	 * An RFC 9457 problem with the project's type URI, in plain words, without internals.
	 */
	static JsonNode assertProblem(HttpResponse<String> response, int status, String slug) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		JsonNode problem = json(response);
		assertThat(problem.path("type").asString()).isEqualTo("https://aigenda.io/problems/" + slug);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("detail").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
		return problem;
	}

	HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path));
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		return request;
	}

	static HttpResponse<String> call(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] concat(String before, byte[] middle, String after) {
		byte[] a = before.getBytes(StandardCharsets.UTF_8);
		byte[] c = after.getBytes(StandardCharsets.UTF_8);
		byte[] all = new byte[a.length + middle.length + c.length];
		System.arraycopy(a, 0, all, 0, a.length);
		System.arraycopy(middle, 0, all, a.length, middle.length);
		System.arraycopy(c, 0, all, a.length + middle.length, c.length);
		return all;
	}

}
