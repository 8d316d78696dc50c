package io.aigenda.app.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacking a model that comes as a zip (Vosk models: one folder {@code
 * vosk-model-small-ru-0.22/} with {@code am/}, {@code graph/}, {@code conf/}...). The
 * folder appears under its final name only when every file is out, so a failed or
 * interrupted pull never leaves a half model that the recogniser would try to load.
 */
final class ModelArchive {

	private ModelArchive() {
	}

	static boolean isArchive(String file) {
		return file.toLowerCase(Locale.ROOT).endsWith(".zip");
	}

	/**
	 * {@code vosk-model-small-ru-0.22.zip} unpacks into {@code vosk-model-small-ru-0.22}.
	 */
	static String folderName(String file) {
		return file.substring(0, file.length() - ".zip".length());
	}

	/**
	 * @return the unpacked folder, {@code directory/folder}
	 * @throws IllegalStateException when an entry would land outside the folder (zip
	 * slip) or the archive holds no files
	 */
	static Path unpack(Path zip, Path directory, String folder) throws IOException {
		Path target = directory.resolve(folder);
		// starts with a dot: never taken for a model while incomplete
		Path staging = directory.resolve("." + folder + ".unpacking");
		deleteRecursively(staging);
		try {
			Files.createDirectories(staging);
			Set<String> roots = new HashSet<>();
			int files = 0;
			try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
				for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
					Path out = staging.resolve(entry.getName()).normalize();
					if (!out.startsWith(staging) || out.equals(staging)) {
						throw new IllegalStateException("The archive " + zip.getFileName()
								+ " has an entry outside its folder (" + entry.getName() + "); nothing installed");
					}
					roots.add(staging.relativize(out).getName(0).toString());
					if (entry.isDirectory()) {
						Files.createDirectories(out);
						continue;
					}
					Files.createDirectories(out.getParent());
					try (OutputStream file = Files.newOutputStream(out)) {
						copy(in, file);
					}
					files++;
				}
			}
			if (files == 0) {
				throw new IllegalStateException(
						"The archive " + zip.getFileName() + " holds no files; nothing installed");
			}
			// alphacephei's zips hold one top folder named like the zip; a flat zip is
			// the model itself
			Path content = staging;
			if (roots.size() == 1 && Files.isDirectory(staging.resolve(roots.iterator().next()))) {
				content = staging.resolve(roots.iterator().next());
			}
			deleteRecursively(target);
			Files.move(content, target, StandardCopyOption.ATOMIC_MOVE);
			return target;
		}
		finally {
			deleteRecursively(staging);
		}
	}

	private static void copy(InputStream in, OutputStream out) throws IOException {
		byte[] buffer = new byte[1 << 16];
		for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
			out.write(buffer, 0, read);
		}
	}

	static void deleteRecursively(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		Files.walkFileTree(root, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				Files.delete(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path dir, IOException ex) throws IOException {
				if (ex != null) {
					throw ex;
				}
				Files.delete(dir);
				return FileVisitResult.CONTINUE;
			}
		});
	}

}
