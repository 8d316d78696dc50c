package io.aigenda.app.models;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpServer;
import io.aigenda.app.Console;
import io.aigenda.app.PlatformFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code models pull} against a local HTTP server serving a real model file (the Silero
 * VAD ONNX from the shared models folder, checked against the folder's SHA256SUMS).
 */
class ModelsCommandTests {

	private static final Path MODEL = PlatformFiles.SHARED.resolve("models/silero_vad.onnx");

	private static final String MODEL_SHA256 = "1a153a22f4509e292a94e67d6f9b85e8deb25b4988682b7e174c65279d8788e3";

	@TempDir
	Path temp;

	private HttpServer server;

	@BeforeEach
	void serve() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/models/silero_vad.onnx", exchange -> {
			byte[] body = Files.readAllBytes(MODEL);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.createContext("/missing", exchange -> {
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void pullDownloadsVerifiesAndListShowsTheModelInstalled() throws IOException {
		Path catalog = catalog(
				"vad\tvad.onnx\t" + MODEL_SHA256 + "\t" + url("/models/silero_vad.onnx") + "\tSilero VAD");
		Path dir = this.temp.resolve("models");

		Console before = Console.run("models", "list", "--dir", dir.toString(), "--catalog", catalog.toString());
		assertThat(before.exitCode()).as(before.err()).isZero();
		assertThat(before.out()).containsPattern("vad\\s+missing");

		Console pull = Console.run("models", "pull", "vad", "--dir", dir.toString(), "--catalog", catalog.toString());
		assertThat(pull.exitCode()).as(pull.err()).isZero();
		assertThat(pull.out()).contains("sha256 " + MODEL_SHA256 + ", verified");
		assertThat(Files.readAllBytes(dir.resolve("vad.onnx"))).isEqualTo(Files.readAllBytes(MODEL));
		assertThat(Files.readString(dir.resolve("vad.onnx.sha256"))).startsWith(MODEL_SHA256);
		assertThat(dir.resolve("vad.onnx.part")).doesNotExist();

		Console after = Console.run("models", "list", "--dir", dir.toString(), "--catalog", catalog.toString());
		assertThat(after.out()).containsPattern("vad\\s+installed");
	}

	@Test
	void aChecksumMismatchInstallsNothingAndIsOneLine() throws IOException {
		String wrong = "0".repeat(64);
		Path catalog = catalog("vad\tvad.onnx\t" + wrong + "\t" + url("/models/silero_vad.onnx") + "\tSilero VAD");
		Path dir = this.temp.resolve("models");

		Console pull = Console.run("models", "pull", "vad", "--dir", dir.toString(), "--catalog", catalog.toString());

		assertThat(pull.exitCode()).isEqualTo(1);
		assertThat(pull.err().strip()).startsWith("aigenda: Checksum mismatch for vad").hasLineCount(1);
		assertThat(dir.resolve("vad.onnx")).doesNotExist();
		assertThat(dir.resolve("vad.onnx.part")).doesNotExist();
	}

	@Test
	void anUnpinnedModelIsDownloadedAndItsChecksumRecorded() throws IOException {
		Path catalog = catalog("vad\tvad.onnx\t-\t" + url("/models/silero_vad.onnx") + "\tSilero VAD");
		Path dir = this.temp.resolve("models");

		Console pull = Console.run("models", "pull", "vad", "--dir", dir.toString(), "--catalog", catalog.toString());

		assertThat(pull.exitCode()).as(pull.err()).isZero();
		assertThat(pull.out()).contains(MODEL_SHA256 + ", not pinned");
	}

	@Test
	void unknownModelsAndHttpErrorsAreOneLine() throws IOException {
		Path catalog = catalog("gone\tgone.onnx\t-\t" + url("/missing") + "\tnothing");
		Path dir = this.temp.resolve("models");

		Console unknown = Console.run("models", "pull", "nope", "--dir", dir.toString(), "--catalog",
				catalog.toString());
		assertThat(unknown.exitCode()).isEqualTo(1);
		assertThat(unknown.err().strip()).isEqualTo("aigenda: Unknown model 'nope' (see aigenda models list)");

		Console missing = Console.run("models", "pull", "gone", "--dir", dir.toString(), "--catalog",
				catalog.toString());
		assertThat(missing.exitCode()).isEqualTo(1);
		assertThat(missing.err().strip()).startsWith("aigenda: Download of gone failed: HTTP 404").hasLineCount(1);
	}

	@Test
	void theBuiltInCatalogNamesTheDiarizationModels() {
		Console list = Console.run("models", "list", "--dir", this.temp.toString());
		assertThat(list.exitCode()).as(list.err()).isZero();
		assertThat(list.out()).containsPattern("pyannote-segmentation-3.0\\s+missing")
			.containsPattern("wespeaker-voxceleb-resnet34\\s+missing");
	}

	@Test
	void theListShowsWhatEachModelIsForItsSizeLicenceAndLanguages() {
		Console list = Console.run("models", "list", "--dir", this.temp.toString());
		assertThat(list.exitCode()).as(list.err()).isZero();
		assertThat(list.out())
			.containsPattern("whisper-base\\s+missing\\s+148 MB\\s+MIT\\s+en,ru\\s+Speech recognition")
			.containsPattern("whisper-small\\s+missing\\s+488 MB")
			.containsPattern("whisper-large-v3-turbo\\s+missing\\s+1625 MB")
			.containsPattern("wespeaker-voxceleb-resnet34\\s+missing\\s+-\\s+CC-BY-4.0\\s+-\\s+Speaker embeddings");
		ModelCatalog catalog = ModelCatalog.builtIn();
		assertThat(catalog.entries()).allSatisfy((entry) -> assertThat(entry.licence()).isNotNull());
		assertThat(catalog.find("whisper-small").orElseThrow().sha256())
			.isEqualTo("1be3a9b2063867b937e64e2ec7483364a79917e157fa98c5d94b5c1fffea987b");
	}

	@Test
	void aCatalogLineWithASizeThatIsNotANumberIsRefused() {
		assertThatThrownBy(() -> ModelCatalog.parse("m\tm.bin\t-\thttp://x/m.bin\tfor tests\tbig\tMIT\ten"))
			.hasMessageContaining("size");
		ModelCatalog.Entry entry = ModelCatalog.parse("m\tm.bin\t-\thttp://x/m.bin\tfor tests\t12\tMIT\ten, ru")
			.entries()
			.get(0);
		assertThat(entry.bytes()).isEqualTo(12L);
		assertThat(entry.languages()).containsExactly("en", "ru");
	}

	private Path catalog(String line) throws IOException {
		Path file = this.temp.resolve("catalog.tsv");
		Files.writeString(file, "# test catalog\n" + line + "\n");
		return file;
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

}
