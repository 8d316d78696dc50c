package io.aigenda.app.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Models that can be downloaded: a tab-separated list of eight columns (name, file,
 * SHA-256 or {@code -}, URL, description of what the model is for, size in bytes or
 * {@code -}, licence, languages as a comma list or {@code -}); the last four may be left
 * out. The built-in one names the optional diarization and speech models; an operator
 * with a mirror passes their own with {@code --catalog}.
 */
record ModelCatalog(List<Entry> entries) {

	static final String BUILT_IN = "models.tsv";

	/**
	 * One model.
	 *
	 * @param bytes size of the download, or {@code null} when not known
	 * @param licence SPDX id or short name, or {@code null}
	 * @param languages spoken or written languages it serves; empty for models of no
	 * language
	 */
	record Entry(String name, String file, String sha256, URI url, String description, Long bytes, String licence,
			List<String> languages) {

		Entry(String name, String file, String sha256, URI url, String description) {
			this(name, file, sha256, url, description, null, null, List.of());
		}

		boolean pinned() {
			return this.sha256 != null;
		}

	}

	static ModelCatalog builtIn() {
		try (InputStream in = ModelCatalog.class.getResourceAsStream(BUILT_IN)) {
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ModelCatalog read(Path file) {
		try {
			return parse(Files.readString(file));
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Cannot read the model catalog " + file, ex);
		}
	}

	static ModelCatalog parse(String text) {
		List<Entry> entries = new ArrayList<>();
		int number = 0;
		for (String line : text.split("\n")) {
			number++;
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] f = line.strip().split("\t");
			if (f.length < 4 || f[1].contains("/") || f[1].contains("\\")
					|| !(f[2].equals("-") || f[2].matches("[0-9a-f]{64}"))) {
				throw new IllegalArgumentException("Model catalog line " + number + " is not: name, file, sha256, url");
			}
			if (f.length > 5 && !f[5].matches("-|[0-9]+")) {
				throw new IllegalArgumentException("Model catalog line " + number + ": size is not a number of bytes");
			}
			Long bytes = (f.length > 5 && !f[5].equals("-")) ? Long.valueOf(f[5]) : null;
			String licence = (f.length > 6 && !f[6].equals("-")) ? f[6] : null;
			List<String> languages = (f.length > 7 && !f[7].equals("-")) ? List.of(f[7].split("\\s*,\\s*")) : List.of();
			entries.add(new Entry(f[0], f[1], f[2].equals("-") ? null : f[2], URI.create(f[3]),
					f.length > 4 ? f[4] : "", bytes, licence, languages));
		}
		return new ModelCatalog(List.copyOf(entries));
	}

	Optional<Entry> find(String name) {
		return this.entries.stream().filter(e -> e.name().equals(name)).findFirst();
	}

}
