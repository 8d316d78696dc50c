package io.aigenda.messaging.step;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The temporary files of one step, all in the worker's one folder, all deleted when the
 * step ends however it ends.
 */
final class TemporaryFiles implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(TemporaryFiles.class);

	private final Path folder;

	private final String prefix;

	private final List<Path> created = new ArrayList<>();

	TemporaryFiles(Path folder, String prefix) {
		this.folder = folder;
		this.prefix = prefix;
	}

	Path create(String suffix) throws IOException {
		Files.createDirectories(this.folder);
		Path file = Files.createTempFile(this.folder, this.prefix, suffix);
		this.created.add(file);
		return file;
	}

	@Override
	public void close() {
		for (Path file : this.created) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// a left-over temporary file is not worth failing a step for; the OS
				// cleans its temp folder
				log.warn("Could not delete the temporary file {}: {}", file, ex.getMessage());
			}
		}
	}

}
