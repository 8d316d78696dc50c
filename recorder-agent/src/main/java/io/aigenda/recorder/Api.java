package io.aigenda.recorder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import io.aigenda.contracts.internal.Heartbeat;
import io.aigenda.contracts.internal.InternalApiClient;
import io.aigenda.contracts.internal.InternalApiException;

/**
 * The recorder's two peers, both through the shared client with its one token: the
 * backend (upload URLs for chunks; the chunk itself goes straight to S3) and the
 * meeting-controller (heartbeats).
 */
final class Api {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(2);

	private final InternalApiClient backend;

	private final InternalApiClient controller;

	private final HttpClient storage = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

	Api(AgentSettings settings) {
		this.backend = new InternalApiClient(URI.create(settings.backendUrl()), settings.token(), CONNECT_TIMEOUT,
				REQUEST_TIMEOUT);
		this.controller = new InternalApiClient(URI.create(settings.controllerUrl()), settings.token(), CONNECT_TIMEOUT,
				REQUEST_TIMEOUT);
	}

	/** Uploads one chunk: a presigned URL from the backend, then a PUT to S3. */
	void upload(Path chunk, int sequence) throws IOException, InterruptedException {
		String target = this.backend.chunkUrl(sequence).url();
		HttpResponse<String> put = this.storage.send(HttpRequest.newBuilder(URI.create(target))
			.timeout(UPLOAD_TIMEOUT)
			.PUT(HttpRequest.BodyPublishers.ofFile(chunk))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (put.statusCode() / 100 != 2) {
			throw new IOException("Chunk " + sequence + ": storage answered " + put.statusCode());
		}
	}

	/** Sends a heartbeat; true when the controller wants the bot to leave. */
	boolean heartbeat(String phase, String detail) {
		try {
			return this.controller.heartbeat(new Heartbeat(phase, detail)).leave();
		}
		catch (InternalApiException ex) {
			if (ex.status() == 401) {
				// the bot was ended (its token is dead): nothing left to do in the call
				return true;
			}
			throw ex;
		}
	}

}
