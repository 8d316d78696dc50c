package io.aigenda.app.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The models directory: each model as its file plus {@code <file>.sha256}. A download
 * goes to a temporary file first and is moved into place only when its checksum matches,
 * so a broken or tampered download never looks installed. A {@code .zip} (a Vosk model)
 * is unpacked into a hidden folder beside its final place and renamed into place when
 * whole; the zip itself is not kept.
 */
record ModelStore(Path directory, ModelCatalog catalog) {

	record Pulled(Path file, long bytes, String sha256, boolean pinned) {
	}

	String status(ModelCatalog.Entry entry) {
		Path file = this.directory.resolve(entry.file());
		boolean present = ModelArchive.isArchive(entry.file())
				? Files.isDirectory(this.directory.resolve(ModelArchive.folderName(entry.file())))
				: Files.isRegularFile(file);
		if (!present) {
			return "missing";
		}
		try {
			Path recorded = checksumFile(file);
			if (Files.isRegularFile(recorded)) {
				String sha = Files.readString(recorded).strip().split("\\s+")[0];
				if (entry.pinned() && !entry.sha256().equals(sha)) {
					return "mismatch";
				}
			}
			return "installed";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Pulled pull(String name) {
		ModelCatalog.Entry entry = this.catalog.find(name)
			.orElseThrow(() -> new IllegalArgumentException("Unknown model '" + name + "' (see aigenda models list)"));
		Path target = this.directory.resolve(entry.file());
		Path partial = this.directory.resolve(entry.file() + ".part");
		try {
			Files.createDirectories(this.directory);
			HttpClient http = HttpClient.newBuilder()
				.followRedirects(HttpClient.Redirect.NORMAL)
				.connectTimeout(Duration.ofSeconds(30))
				.build();
			HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(entry.url()).GET().build(),
					HttpResponse.BodyHandlers.ofInputStream());
			if (response.statusCode() != 200) {
				response.body().close();
				throw new IllegalStateException(
						"Download of " + name + " failed: HTTP " + response.statusCode() + " from " + entry.url());
			}
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			long bytes;
			try (InputStream in = new DigestInputStream(response.body(), digest);
					OutputStream out = Files.newOutputStream(partial)) {
				bytes = in.transferTo(out);
			}
			String sha = HexFormat.of().formatHex(digest.digest());
			if (entry.bytes() != null && bytes != entry.bytes()) {
				Files.deleteIfExists(partial);
				throw new IllegalStateException("Download of " + name + " is incomplete: " + bytes + " of "
						+ entry.bytes() + " bytes; nothing installed");
			}
			if (entry.pinned() && !entry.sha256().equals(sha)) {
				Files.deleteIfExists(partial);
				throw new IllegalStateException("Checksum mismatch for " + name + ": expected " + entry.sha256()
						+ ", got " + sha + "; nothing installed");
			}
			Path installed = target;
			if (ModelArchive.isArchive(entry.file())) {
				try {
					installed = ModelArchive.unpack(partial, this.directory, ModelArchive.folderName(entry.file()));
				}
				finally {
					Files.deleteIfExists(partial);
				}
			}
			else {
				Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			Files.writeString(checksumFile(target), sha + "  " + entry.file() + "\n");
			return new Pulled(installed, bytes, sha, entry.pinned());
		}
		catch (IOException ex) {
			deleteQuietly(partial);
			throw new UncheckedIOException("Download of " + name + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			deleteQuietly(partial);
			throw new IllegalStateException("Download of " + name + " interrupted", ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path checksumFile(Path file) {
		return file.resolveSibling(file.getFileName() + ".sha256");
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ignored) {
			// the next pull overwrites it
		}
	}

}
