package io.aigenda.app.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.aigenda.contracts.Language;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backend's public REST API as the CLI uses it, over {@code java.net.http} with an
 * API token. Talks to an in-process platform and to a remote server the same way.
 */
public final class BackendClient {

	/** Larger recordings go through the resumable multipart upload. */
	public static final long SIMPLE_UPLOAD_LIMIT = 64L * 1024 * 1024;

	private static final int PART_ATTEMPTS = 3;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI baseUrl;

	private final String token;

	private final HttpClient http;

	private final long simpleUploadLimit;

	public BackendClient(URI baseUrl, String token) {
		this(baseUrl, token, SIMPLE_UPLOAD_LIMIT);
	}

	/**
	 * @param simpleUploadLimit larger files are uploaded in parts
	 */
	public BackendClient(URI baseUrl, String token, long simpleUploadLimit) {
		this.simpleUploadLimit = simpleUploadLimit;
		String base = baseUrl.toString();
		this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
		this.token = token;
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	}

	/** Creates a meeting and returns its id. */
	public UUID createMeeting(String title, Language language) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", title);
		body.put("language", language.code());
		JsonNode created = json(send(request("/api/v1/meetings").header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build(), BodyHandlers.ofString()).body());
		return UUID.fromString(created.get("id").asString());
	}

	/**
	 * Uploads a recording: one multipart request for small files, resumable parts for
	 * large ones.
	 */
	public void uploadRecording(UUID meetingId, Path file, String contentType) {
		try {
			long size = Files.size(file);
			if (size > this.simpleUploadLimit) {
				uploadInParts(meetingId, file, size, contentType);
			}
			else {
				uploadMultipart(meetingId, file, contentType);
			}
		}
		catch (IOException ex) {
			throw new ApiException("Cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	private void uploadMultipart(UUID meetingId, Path file, String contentType) throws IOException {
		String boundary = "aigenda-" + UUID.randomUUID();
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
				+ file.getFileName().toString().replace("\"", "") + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
		String tail = "\r\n--" + boundary + "--\r\n";
		// the file is streamed from disk, never held in memory
		HttpRequest request = request("/api/v1/meetings/" + meetingId + "/recording")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.PUT(BodyPublishers.concat(BodyPublishers.ofString(head), BodyPublishers.ofFile(file),
					BodyPublishers.ofString(tail)))
			.build();
		send(request, BodyHandlers.ofString());
	}

	private void uploadInParts(UUID meetingId, Path file, long size, String contentType) throws IOException {
		Map<String, Object> start = Map.of("filename", file.getFileName().toString(), "sizeBytes", size, "contentType",
				contentType);
		JsonNode session = json(
				send(request("/api/v1/meetings/" + meetingId + "/uploads").header("Content-Type", "application/json")
					.POST(BodyPublishers.ofString(JSON.writeValueAsString(start)))
					.build(), BodyHandlers.ofString()).body());
		String uploadId = session.get("uploadId").asString();
		long partSize = session.get("partSizeBytes").asLong();
		List<Map<String, Object>> done = new ArrayList<>();
		for (JsonNode part : session.get("parts")) {
			int number = part.get("partNumber").asInt();
			long offset = (number - 1) * partSize;
			long length = Math.min(partSize, size - offset);
			String etag = putPart(URI.create(part.get("url").asString()), file, offset, length);
			done.add(Map.of("partNumber", number, "etag", etag));
		}
		send(request("/api/v1/meetings/" + meetingId + "/uploads/" + uploadId + "/complete")
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(JSON.writeValueAsString(Map.of("parts", done))))
			.build(), BodyHandlers.ofString());
	}

	/** PUTs one part to its presigned URL, retrying a few times; returns its ETag. */
	private String putPart(URI url, Path file, long offset, long length) throws IOException {
		IOException last = null;
		for (int attempt = 1; attempt <= PART_ATTEMPTS; attempt++) {
			try {
				HttpRequest request = HttpRequest.newBuilder(url)
					.timeout(Duration.ofMinutes(10))
					.PUT(BodyPublishers.ofByteArray(readSlice(file, offset, length)))
					.build();
				HttpResponse<String> response = this.http.send(request, BodyHandlers.ofString());
				if (response.statusCode() / 100 == 2) {
					return response.headers()
						.firstValue("ETag")
						.orElseThrow(() -> new ApiException(response.statusCode(), "The storage returned no ETag"));
				}
				last = new IOException("the storage answered HTTP " + response.statusCode());
			}
			catch (IOException ex) {
				last = ex;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ApiException("Upload interrupted", ex);
			}
		}
		throw new ApiException("Uploading a part failed: " + last.getMessage(), last);
	}

	/**
	 * One part in memory (parts are a few MiB), so a retry sends exactly the same bytes.
	 */
	private static byte[] readSlice(Path file, long offset, long length) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(length));
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			while (buffer.hasRemaining()) {
				if (channel.read(buffer, offset + buffer.position()) < 0) {
					throw new IOException("the file ended early; did it change during the upload?");
				}
			}
		}
		return buffer.array();
	}

	public MeetingStatus meeting(UUID meetingId) {
		JsonNode node = json(get("/api/v1/meetings/" + meetingId));
		List<MeetingStatus.StepProgress> progress = new ArrayList<>();
		JsonNode steps = node.path("progress");
		if (steps.isArray()) {
			for (JsonNode step : steps) {
				progress.add(new MeetingStatus.StepProgress(step.path("step").asString(""),
						step.path("fraction").asDouble(0), step.path("message").asString(""), text(step, "stalled")));
			}
		}
		return new MeetingStatus(meetingId, node.path("state").asString(""), text(node, "failureReason"),
				node.path("durationSeconds").isNumber() ? node.get("durationSeconds").asDouble() : null,
				node.path("speakerCount").isNumber() ? node.get("speakerCount").asInt() : null, progress);
	}

	/** {@code GET /api/v1/meetings/{id}} as the server sent it, timestamps included. */
	public JsonNode meetingJson(UUID meetingId) {
		return json(get("/api/v1/meetings/" + meetingId));
	}

	/** The speaker-attributed transcript ({@code GET .../transcript}) as JSON text. */
	public String transcript(UUID meetingId) {
		return get("/api/v1/meetings/" + meetingId + "/transcript");
	}

	/** The minutes document as JSON text. */
	public String minutes(UUID meetingId) {
		return get("/api/v1/meetings/" + meetingId + "/minutes");
	}

	/** An export: {@code txt}, {@code srt}, {@code vtt} or {@code json}. */
	public String export(UUID meetingId, String format) {
		return get("/api/v1/meetings/" + meetingId + "/export?format="
				+ URLEncoder.encode(format, StandardCharsets.UTF_8));
	}

	private String get(String path) {
		return send(request(path).GET().build(), BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofMinutes(30))
			.header("Authorization", "Bearer " + this.token)
			.header("Accept", "application/json, application/problem+json, text/plain, */*");
	}

	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		HttpResponse<T> response;
		try {
			response = this.http.send(request, handler);
		}
		catch (ConnectException ex) {
			throw new ApiException("Cannot connect to " + this.baseUrl, ex);
		}
		catch (IOException ex) {
			throw new ApiException("Request to " + this.baseUrl + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ApiException("Interrupted", ex);
		}
		if (response.statusCode() / 100 != 2) {
			throw new ApiException(response.statusCode(), problem(request, response));
		}
		return response;
	}

	/** One line from an RFC 9457 problem body, or the status when there is none. */
	private static String problem(HttpRequest request, HttpResponse<?> response) {
		String what = request.method() + " " + request.uri().getPath() + " answered HTTP " + response.statusCode();
		if (response.body() instanceof String body && !body.isBlank()) {
			try {
				JsonNode problem = JSON.readTree(body);
				String detail = text(problem, "detail");
				String title = text(problem, "title");
				String reason = (detail != null) ? detail : title;
				if (reason != null) {
					return what + ": " + reason.lines().findFirst().orElse(reason);
				}
			}
			catch (RuntimeException ex) {
				// not JSON: the status line is all we can say
			}
		}
		if (response.statusCode() == 401) {
			return what + ": the API token was not accepted";
		}
		return what;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	private static JsonNode json(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (RuntimeException ex) {
			throw new ApiException(0, "The server sent an answer that is not JSON");
		}
	}

}
