package io.aigenda.llm.worker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Reads and writes artifacts through presigned URLs; the worker holds no storage credentials. */
class ArtifactTransfer {

	private final HttpClient client;

	private final Duration timeout;

	ArtifactTransfer(Duration timeout) {
		this.timeout = timeout;
		this.client = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	byte[] get(String url) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(this.timeout).GET().build();
		HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray(), "download");
		return response.body();
	}

	void putJson(String url, String json) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
			.build();
		send(request, HttpResponse.BodyHandlers.discarding(), "upload");
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
			throw new TransferException(what + " failed: " + ex.getClass().getSimpleName()
					+ (ex.getMessage() != null ? " " + ex.getMessage() : ""));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TransferException(what + " interrupted");
		}
	}

	/** A download or upload failed; another attempt may succeed. */
	static class TransferException extends RuntimeException {

		TransferException(String message) {
			super(message);
		}

	}

}
