package io.aigenda.messaging.transfer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes a meeting's artifacts through the presigned URLs that step commands
 * carry, so a worker holds no storage credentials. URLs never appear in messages: they
 * carry signatures.
 */
public class ArtifactTransfer {

	// Tolerant reader: a newer writer may add fields to a document.
	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final HttpClient client;

	private final Duration timeout;

	private final TransferMeter meter;

	public ArtifactTransfer(Duration timeout) {
		this(timeout, TransferMeter.NONE);
	}

	public ArtifactTransfer(Duration timeout, TransferMeter meter) {
		this(timeout, timeout, meter);
	}

	/**
	 * @param connectTimeout opening a connection to the storage
	 * @param timeout one download or upload, start to end
	 */
	public ArtifactTransfer(Duration connectTimeout, Duration timeout, TransferMeter meter) {
		this.timeout = timeout;
		this.meter = meter;
		this.client = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	/** Streams the body to a file, so long recordings never sit in the heap. */
	public void download(String url, Path target) {
		send(getRequest(url), HttpResponse.BodyHandlers.ofFile(target), "download");
		try {
			this.meter.downloaded(Files.size(target));
		}
		catch (IOException ex) {
			// the file was just written; a size that cannot be read is not worth failing
			// a step for
		}
	}

	/** The whole body in memory: for documents, never for recordings. */
	public byte[] get(String url) {
		byte[] body = send(getRequest(url), HttpResponse.BodyHandlers.ofByteArray(), "download").body();
		this.meter.downloaded(body.length);
		return body;
	}

	/**
	 * Reads a JSON document; fields the type does not know are ignored.
	 * @throws JacksonException when the body is not a valid document of that type
	 */
	public <T> T readJson(String url, Class<T> type) {
		return JSON.readValue(get(url), type);
	}

	/** Writes a document as JSON. */
	public void writeJson(String url, Object document) {
		putJson(url, JSON.writeValueAsString(document));
	}

	/** Writes JSON that is already serialised. */
	public void putJson(String url, String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(uri(url))
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		send(request, HttpResponse.BodyHandlers.discarding(), "upload");
		this.meter.uploaded(body.length);
	}

	private HttpRequest getRequest(String url) {
		return HttpRequest.newBuilder(uri(url)).timeout(this.timeout).GET().build();
	}

	/**
	 * A command with a URL that is not HTTP(S) is broken; sending it again will not mend
	 * it.
	 */
	private static URI uri(String url) {
		try {
			URI uri = URI.create(url);
			if ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) {
				return uri;
			}
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			// reported below
		}
		throw new TransferException("URL is not a valid HTTP URL", false);
	}

	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String what) {
		try {
			HttpResponse<T> response = this.client.send(request, handler);
			if (response.statusCode() / 100 != 2) {
				throw new TransferException(what + " failed with HTTP status " + response.statusCode());
			}
			return response;
		}
		catch (IOException ex) {
			throw new TransferException(
					what + " failed: " + ex.getClass().getSimpleName()
							+ (ex.getMessage() != null ? " " + ex.getMessage() : ""),
					true, ex instanceof HttpTimeoutException);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TransferException(what + " interrupted");
		}
	}

	/**
	 * A download or upload failed; unless the URL itself is broken, another attempt may
	 * succeed.
	 */
	public static class TransferException extends RuntimeException {

		private final boolean retryable;

		private final boolean timedOut;

		TransferException(String message) {
			this(message, true);
		}

		TransferException(String message, boolean retryable) {
			this(message, retryable, false);
		}

		TransferException(String message, boolean retryable, boolean timedOut) {
			super(message);
			this.retryable = retryable;
			this.timedOut = timedOut;
		}

		public boolean retryable() {
			return this.retryable;
		}

		/** Whether the store did not answer in time (connecting or transferring). */
		public boolean timedOut() {
			return this.timedOut;
		}

	}

}
