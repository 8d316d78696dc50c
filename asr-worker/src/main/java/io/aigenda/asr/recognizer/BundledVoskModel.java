package io.aigenda.asr.recognizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small English Vosk model, unpacked into this module's classes at build time. Vosk
 * reads a model from a folder, so on first use it is copied out of the classpath (usually
 * a jar) into a cache folder named after the model's uuid; later starts reuse that copy.
 */
final class BundledVoskModel {

	static final String RESOURCE_ROOT = "models/vosk-model-en-us";

	private static final String UUID_FILE = "uuid";

	// Written last, so a folder without it is an interrupted copy and is not trusted.
	private static final String COMPLETE_MARKER = ".complete";

	private static final Logger log = LoggerFactory.getLogger(BundledVoskModel.class);

	private BundledVoskModel() {
	}

	/**
	 * The folder of the extracted model below {@code cacheDir}, extracting it when
	 * missing.
	 */
	static Path extract(Path cacheDir) {
		return extract(BundledVoskModel.class.getClassLoader(), cacheDir);
	}

	static synchronized Path extract(ClassLoader classLoader, Path cacheDir) {
		URL uuidResource = classLoader.getResource(RESOURCE_ROOT + "/" + UUID_FILE);
		if (uuidResource == null) {
			throw new UnsupportedLanguageException("The bundled English Vosk model is missing from the classpath; "
					+ "set aigenda.asr.vosk.model-dirs.en to a Vosk model folder");
		}
		try {
			String uuid = readUuid(uuidResource);
			Path target = cacheDir.resolve("vosk-model-en-us-" + uuid);
			if (Files.isRegularFile(target.resolve(COMPLETE_MARKER))) {
				return target;
			}
			log.info("Extracting the bundled English Vosk model to {}", target);
			Files.createDirectories(cacheDir);
			Path partial = cacheDir.resolve(target.getFileName() + ".partial-" + UUID.randomUUID());
			copyFromClasspath(uuidResource.toURI(), partial);
			Files.createFile(partial.resolve(COMPLETE_MARKER));
			deleteTree(target);
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"The bundled Vosk model could not be extracted to " + cacheDir + ": " + ex.getMessage(), ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("Unexpected classpath location of the Vosk model: " + uuidResource, ex);
		}
	}

	private static String readUuid(URL resource) throws IOException {
		try (InputStream in = resource.openStream()) {
			String uuid = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
			// The uuid names a folder; anything else in it would be a path trick.
			return uuid.replaceAll("[^A-Za-z0-9-]", "");
		}
	}

	private static void copyFromClasspath(URI uuidUri, Path destination) throws IOException {
		if ("file".equals(uuidUri.getScheme())) {
			copyTree(Path.of(uuidUri).getParent(), destination);
			return;
		}
		// jar:file:/...jar!/models/vosk-model-en-us/uuid (or jar:nested:... inside a
		// Spring Boot jar)
		FileSystem jar;
		boolean ours;
		try {
			jar = FileSystems.newFileSystem(uuidUri, Map.of());
			ours = true;
		}
		catch (FileSystemAlreadyExistsException ex) {
			// Someone else holds this jar open; read through theirs and leave it open.
			jar = FileSystems.getFileSystem(uuidUri);
			ours = false;
		}
		try {
			copyTree(jar.getPath("/" + RESOURCE_ROOT), destination);
		}
		finally {
			if (ours) {
				jar.close();
			}
		}
	}

	private static void copyTree(Path source, Path destination) throws IOException {
		try (Stream<Path> paths = Files.walk(source)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				Path relative = source.relativize(path);
				Path target = destination.resolve(relative.toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
			for (Path path : all) {
				Files.deleteIfExists(path);
			}
		}
	}

}
