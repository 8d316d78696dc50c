package io.aigenda.messaging.transfer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Transfers through presigned URLs against a local HTTP server standing in for the object
 * store.
 */
class ArtifactTransferTest {

	private HttpServer storage;

	private final Map<String, byte[]> objects = new ConcurrentHashMap<>();

	private final AtomicLong downloaded = new AtomicLong();

	private final AtomicLong uploaded = new AtomicLong();

	private ArtifactTransfer transfer;

	@BeforeEach
	void start() throws Exception {
		this.storage = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.storage.createContext("/bucket/", exchange -> {
			String key = exchange.getRequestURI().getPath();
			byte[] body = new byte[0];
			int status = 200;
			if ("PUT".equals(exchange.getRequestMethod())) {
				this.objects.put(key, exchange.getRequestBody().readAllBytes());
			}
			else if (this.objects.containsKey(key)) {
				body = this.objects.get(key);
			}
			else {
				status = 404;
			}
			exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.storage.start();
		this.transfer = new ArtifactTransfer(Duration.ofSeconds(2), Duration.ofSeconds(10), new TransferMeter() {
			@Override
			public void downloaded(long bytes) {
				ArtifactTransferTest.this.downloaded.addAndGet(bytes);
			}

			@Override
			public void uploaded(long bytes) {
				ArtifactTransferTest.this.uploaded.addAndGet(bytes);
			}
		});
	}

	@AfterEach
	void stop() {
		this.storage.stop(0);
	}

	private String url(String key) {
		return "http://127.0.0.1:" + this.storage.getAddress().getPort() + "/bucket/" + key + "?X-Amz-Signature=abc";
	}

	@Test
	void aDocumentPutIsReadBackAndCounted(@TempDir Path dir) throws Exception {
		this.transfer.putJson(url("minutes.json"), "{\"title\":\"Встреча\"}");
		assertThat(new String(this.transfer.get(url("minutes.json")), StandardCharsets.UTF_8))
			.isEqualTo("{\"title\":\"Встреча\"}");
		Path file = dir.resolve("copy.json");
		this.transfer.download(url("minutes.json"), file);
		assertThat(Files.readString(file)).contains("Встреча");
		assertThat(this.uploaded.get()).isEqualTo(26);
		assertThat(this.downloaded.get()).isEqualTo(52);
	}

	@Test
	void aDocumentWrittenAsJsonIsReadBackIntoATypeThatKnowsFewerFields() {
		this.transfer.writeJson(url("transcript.json"), new Later("ru", 42.5, "added by a newer writer"));

		assertThat(this.transfer.readJson(url("transcript.json"), Earlier.class)).isEqualTo(new Earlier("ru", 42.5));
	}

	@Test
	void aMissingObjectIsARetryableFailureThatNamesTheStatusButNotTheUrl(@TempDir Path dir) {
		assertThatThrownBy(() -> this.transfer.download(url("missing.wav"), dir.resolve("a")))
			.isInstanceOfSatisfying(ArtifactTransfer.TransferException.class, ex -> assertThat(ex.retryable()).isTrue())
			.hasMessageContaining("404")
			.hasMessageNotContaining("Signature")
			.hasMessageNotContaining("127.0.0.1");
	}

	@Test
	void aUrlThatIsNotHttpFailsForGood(@TempDir Path dir) {
		for (String url : new String[] { "file:///etc/passwd", "not a url", "ftp://127.0.0.1/x" }) {
			assertThatThrownBy(() -> this.transfer.download(url, dir.resolve("b")))
				.isInstanceOfSatisfying(ArtifactTransfer.TransferException.class,
						ex -> assertThat(ex.retryable()).isFalse())
				.hasMessage("URL is not a valid HTTP URL");
		}
		assertThatThrownBy(() -> this.transfer.putJson("s3://bucket/key", "{}")).isInstanceOfSatisfying(
				ArtifactTransfer.TransferException.class, ex -> assertThat(ex.retryable()).isFalse());
	}

	record Later(String language, double durationSeconds, String note) {
	}

	record Earlier(String language, double durationSeconds) {
	}

}
