package io.aigenda.asr.worker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import io.aigenda.messaging.transfer.TransferMeter;
import io.aigenda.observability.PipelineMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Downloads recordings and uploads results through presigned URLs. A recording goes straight to a
 * temporary file, never into the heap. URLs are never logged or reported: they carry signatures.
 */
@Component
class PresignedTransfers {

	private static final Logger log = LoggerFactory.getLogger(PresignedTransfers.class);

	private final HttpClient client;

	private final WorkerProperties properties;

	private final TransferMeter meter;

	PresignedTransfers(WorkerProperties properties, PipelineMeters meters) {
		this.properties = properties;
		this.meter = meters.transfers();
		this.client = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	/** Downloads to a new temporary file; the caller deletes it. */
	Path download(String url) throws TransferException {
		HttpRequest request = HttpRequest.newBuilder(uri(url, "audio")).timeout(this.properties.transferTimeout())
			.GET()
			.build();
		Path file = createTempFile();
		try {
			HttpResponse<Path> response = this.client.send(request, HttpResponse.BodyHandlers.ofFile(file));
			if (response.statusCode() / 100 != 2) {
				throw new TransferException("Downloading the audio failed with HTTP " + response.statusCode(), true);
			}
			this.meter.downloaded(Files.size(file));
			return file;
		}
		catch (IOException ex) {
			deleteQuietly(file);
			throw new TransferException("Downloading the audio failed: " + describe(ex), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			deleteQuietly(file);
			throw new TransferException("Downloading the audio was interrupted", ex);
		}
		catch (TransferException ex) {
			deleteQuietly(file);
			throw ex;
		}
	}

	/** PUTs a JSON document; presigned PUT URLs carry no content-type constraint. */
	void uploadJson(String url, byte[] json) throws TransferException {
		HttpRequest request = HttpRequest.newBuilder(uri(url, "result upload"))
			.timeout(this.properties.transferTimeout())
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(json))
			.build();
		try {
			HttpResponse<Void> response = this.client.send(request, HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() / 100 != 2) {
				throw new TransferException("Storing the transcript failed with HTTP " + response.statusCode(), true);
			}
			this.meter.uploaded(json.length);
		}
		catch (IOException ex) {
			throw new TransferException("Storing the transcript failed: " + describe(ex), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TransferException("Storing the transcript was interrupted", ex);
		}
	}

	private static URI uri(String url, String what) throws TransferException {
		try {
			URI uri = URI.create(url);
			if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
				throw new IllegalArgumentException("not HTTP");
			}
			return uri;
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new TransferException("The " + what + " URL is not a valid HTTP URL", false);
		}
	}

	private Path createTempFile() throws TransferException {
		try {
			Path dir = this.properties.tempDir();
			if (dir != null) {
				Files.createDirectories(dir);
				return Files.createTempFile(dir, "aigenda-asr-", ".audio");
			}
			return Files.createTempFile("aigenda-asr-", ".audio");
		}
		catch (IOException ex) {
			throw new TransferException("No room for the audio on this worker: " + describe(ex), ex);
		}
	}

	static void deleteQuietly(Path file) {
		if (file == null) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// A left-over temporary file is not worth failing a step for; the OS cleans its temp folder.
			log.warn("Could not delete the temporary file {}: {}", file, ex.getMessage());
		}
	}

	private static String describe(IOException ex) {
		String message = ex.getMessage();
		return (message == null || message.isBlank()) ? ex.getClass().getSimpleName() : message;
	}

}
