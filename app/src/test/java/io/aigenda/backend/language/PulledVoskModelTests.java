package io.aigenda.backend.language;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import io.aigenda.app.Console;
import io.aigenda.app.PlatformFiles;
import io.aigenda.asr.AsrProperties;
import io.aigenda.asr.ProgressListener;
import io.aigenda.asr.Transcriber;
import io.aigenda.asr.recognizer.UnsupportedLanguageException;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.TranscriptDocument;
import io.aigenda.contracts.Word;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code aigenda models pull vosk-ru} end to end, with a real Vosk model: a local HTTP
 * server serves a zip made here of the English model that ships with the asr-worker,
 * packed the way alphacephei packs its Russian one. The pull checks the checksum and
 * unpacks it; a transcription in Russian then loads it through the production loader (the
 * words are English, since the weights are), and the languages list offers Russian. Lives
 * in the languages package to ask the backend's own {@link Languages}.
 */
class PulledVoskModelTests {

	private static final String FOLDER = "vosk-model-small-ru-0.22";

	@TempDir
	static Path temp;

	private static HttpServer server;

	private static byte[] zip;

	private static byte[] slip;

	@BeforeAll
	static void serve() throws Exception {
		zip = zipOfBundledModel();
		slip = zipWithEntry("../outside.txt");
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/vosk/" + FOLDER + ".zip", exchange -> send(exchange, zip));
		server.createContext("/vosk/slip.zip", exchange -> send(exchange, slip));
		server.start();
	}

	@AfterAll
	static void stop() {
		server.stop(0);
	}

	@Test
	void pulledRussianModelIsVerifiedUnpackedLoadedAndListed() throws Exception {
		Path models = temp.resolve("models");
		Path cache = temp.resolve("cache");
		Path catalog = catalog("ok.tsv", sha256(zip), zip.length, "/vosk/" + FOLDER + ".zip");
		assertThat(new Languages(environment(models)).available(Language.RU)).isFalse();
		try (Transcriber before = transcriber(cache, models)) {
			assertThatThrownBy(() -> before.transcribe(PlatformFiles.JFK, Language.RU, ProgressListener.none()))
				.isInstanceOf(UnsupportedLanguageException.class)
				.hasMessageContaining("aigenda models pull vosk-ru");
		}

		Console pull = Console.run("models", "pull", "vosk-ru", "--dir", models.toString(), "--catalog",
				catalog.toString());

		assertThat(pull.exitCode()).as(pull.err()).isZero();
		assertThat(pull.out()).contains(FOLDER, "sha256 " + sha256(zip) + ", verified");
		assertThat(models.resolve(FOLDER).resolve("am/final.mdl")).isRegularFile();
		assertThat(models.resolve(FOLDER).resolve("graph")).isDirectory();
		try (Stream<Path> left = Files.list(models)) {
			assertThat(left.map(p -> p.getFileName().toString())).as("no zip, part or staging folder left")
				.containsExactlyInAnyOrder(FOLDER, FOLDER + ".zip.sha256");
		}
		Console list = Console.run("models", "list", "--dir", models.toString(), "--catalog", catalog.toString());
		assertThat(list.out()).containsPattern("vosk-ru\\s+installed");
		assertThat(new Languages(environment(models)).available(Language.RU)).isTrue();

		ListAppender<ILoggingEvent> loads = capture("io.aigenda.asr.recognizer.VoskModels");
		TranscriptDocument russian;
		try (Transcriber after = transcriber(cache, models)) {
			russian = after.transcribe(PlatformFiles.JFK, Language.RU, ProgressListener.none());
		}
		finally {
			release(loads, "io.aigenda.asr.recognizer.VoskModels");
		}
		assertThat(russian.language()).isEqualTo(Language.RU);
		assertThat(russian.words().stream().map(Word::text)).contains("country", "ask");
		assertThat(loads.list).extracting(ILoggingEvent::getFormattedMessage)
			.anyMatch(message -> message.startsWith("Loaded the Vosk model for 'ru' from " + models.resolve(FOLDER)));
	}

	@Test
	void aBadChecksumFailsInOneLineAndInstallsNothing() throws Exception {
		Path models = temp.resolve("bad-checksum");
		Path catalog = catalog("bad.tsv", "0".repeat(64), zip.length, "/vosk/" + FOLDER + ".zip");

		Console pull = Console.run("models", "pull", "vosk-ru", "--dir", models.toString(), "--catalog",
				catalog.toString());

		assertThat(pull.exitCode()).isEqualTo(1);
		assertThat(pull.err().strip()).startsWith("aigenda: Checksum mismatch for vosk-ru").hasLineCount(1);
		assertThat(listing(models)).isEmpty();
		assertThat(new Languages(environment(models)).available(Language.RU)).isFalse();
	}

	@Test
	void aZipWithAnEntryOutsideItsFolderIsRefusedAndInstallsNothing() throws Exception {
		Path models = temp.resolve("slip").resolve("models");
		Path catalog = catalog("slip.tsv", sha256(slip), slip.length, "/vosk/slip.zip");

		Console pull = Console.run("models", "pull", "vosk-ru", "--dir", models.toString(), "--catalog",
				catalog.toString());

		assertThat(pull.exitCode()).isEqualTo(1);
		assertThat(pull.err().strip()).contains("outside its folder").hasLineCount(1);
		assertThat(listing(models)).isEmpty();
		assertThat(models.resolveSibling("outside.txt")).doesNotExist();
	}

	@Test
	void aShortDownloadIsReportedAsIncomplete() throws Exception {
		Path models = temp.resolve("short");
		Path catalog = catalog("short.tsv", sha256(zip), zip.length + 1L, "/vosk/" + FOLDER + ".zip");

		Console pull = Console.run("models", "pull", "vosk-ru", "--dir", models.toString(), "--catalog",
				catalog.toString());

		assertThat(pull.exitCode()).isEqualTo(1);
		assertThat(pull.err().strip()).startsWith("aigenda: Download of vosk-ru is incomplete").hasLineCount(1);
		assertThat(listing(models)).isEmpty();
	}

	private static Transcriber transcriber(Path cache, Path models) {
		return Transcriber.create(AsrProperties.defaults().withVosk(new AsrProperties.Vosk(cache, Map.of(), models)));
	}

	private static StandardEnvironment environment(Path models) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("aigenda.asr.vosk.models-dir", models.toString())));
		return environment;
	}

	private static Path catalog(String name, String sha256, long bytes, String path) throws IOException {
		Path file = temp.resolve(name);
		Files.writeString(file, "vosk-ru\t" + FOLDER + ".zip\t" + sha256 + "\thttp://127.0.0.1:"
				+ server.getAddress().getPort() + path + "\tRussian speech (test)\t" + bytes + "\tApache-2.0\tru\n");
		return file;
	}

	private static List<String> listing(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(p -> p.getFileName().toString()).toList();
		}
	}

	/**
	 * The asr-worker's bundled model, from its classes folder or jar, under one top
	 * folder.
	 */
	private static byte[] zipOfBundledModel() throws Exception {
		URL uuid = Transcriber.class.getClassLoader().getResource("models/vosk-model-en-us/uuid");
		assertThat(uuid).as("the bundled English Vosk model").isNotNull();
		URI uri = uuid.toURI();
		FileSystem jar = uri.getScheme().equals("jar") ? FileSystems.newFileSystem(uri, Map.of()) : null;
		try {
			Path root = Path.of(uri).getParent();
			var bytes = new java.io.ByteArrayOutputStream();
			try (ZipOutputStream out = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(root)) {
				for (Path file : files.sorted().toList()) {
					String name = FOLDER + "/" + root.relativize(file).toString().replace('\\', '/');
					if (Files.isDirectory(file)) {
						out.putNextEntry(new ZipEntry(name.endsWith("/") ? name : name + "/"));
					}
					else {
						out.putNextEntry(new ZipEntry(name));
						Files.copy(file, out);
					}
					out.closeEntry();
				}
			}
			return bytes.toByteArray();
		}
		finally {
			if (jar != null) {
				jar.close();
			}
		}
	}

	private static byte[] zipWithEntry(String name) throws IOException {
		var bytes = new java.io.ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(bytes)) {
			out.putNextEntry(new ZipEntry(FOLDER + "/README"));
			out.write("model".getBytes());
			out.closeEntry();
			out.putNextEntry(new ZipEntry(name));
			out.write("outside".getBytes());
			out.closeEntry();
		}
		return bytes.toByteArray();
	}

	private static void send(com.sun.net.httpserver.HttpExchange exchange, byte[] body) throws IOException {
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	private static ListAppender<ILoggingEvent> capture(String name) {
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		Logger logger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(name);
		logger.setLevel(Level.INFO);
		logger.addAppender(appender);
		return appender;
	}

	private static void release(ListAppender<ILoggingEvent> appender, String name) {
		Logger logger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(name);
		logger.detachAppender(appender);
		logger.setLevel(null);
	}

}
