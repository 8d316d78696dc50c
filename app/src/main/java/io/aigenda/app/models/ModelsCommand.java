package io.aigenda.app.models;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aigenda models list|pull}: optional models, downloaded into a models directory.
 */
@Command(name = "models", description = "List and download optional models (speech, speaker and language models).",
		subcommands = { ModelsCommand.ListCommand.class, ModelsCommand.PullCommand.class })
public class ModelsCommand implements Runnable {

	@Override
	public void run() {
		throw new IllegalArgumentException("Missing what to do: list or pull (see aigenda models --help)");
	}

	/** Options both subcommands share. */
	static class Location {

		@Option(names = "--dir", paramLabel = "DIR",
				description = "Models directory (default: $AIGENDA_MODELS_DIR, else ./models).")
		Path dir;

		@Option(names = "--catalog", paramLabel = "FILE",
				description = "Catalog to use instead of the built-in one (name, file, sha256, url per line).")
		Path catalog;

		ModelStore store() {
			Path directory = this.dir;
			if (directory == null) {
				String env = System.getenv("AIGENDA_MODELS_DIR");
				directory = Path.of(env != null && !env.isBlank() ? env : "models");
			}
			return new ModelStore(directory,
					this.catalog != null ? ModelCatalog.read(this.catalog) : ModelCatalog.builtIn());
		}

	}

	@Command(name = "list", description = "Models of the catalog, and which are in the models directory.")
	static class ListCommand implements Runnable {

		@picocli.CommandLine.Mixin
		Location location = new Location();

		@Override
		public void run() {
			ModelStore store = this.location.store();
			System.out.println("models directory: " + store.directory().toAbsolutePath());
			System.out.printf("%-28s %-10s %9s %-10s %-9s %s%n", "NAME", "STATUS", "SIZE", "LICENCE", "LANGUAGES",
					"WHAT IT IS FOR");
			for (ModelCatalog.Entry entry : store.catalog().entries()) {
				String size = (entry.bytes() != null)
						? String.format(java.util.Locale.ROOT, "%.0f MB", entry.bytes() / 1e6) : "-";
				String languages = entry.languages().isEmpty() ? "-" : String.join(",", entry.languages());
				System.out.printf("%-28s %-10s %9s %-10s %-9s %s%n", entry.name(), store.status(entry), size,
						(entry.licence() != null) ? entry.licence() : "-", languages, entry.description());
			}
		}

	}

	@Command(name = "pull",
			description = "Download a model into the models directory, check its size and SHA-256, unpack a zip.")
	static class PullCommand implements Runnable {

		@picocli.CommandLine.Mixin
		Location location = new Location();

		@picocli.CommandLine.Parameters(paramLabel = "NAME", description = "Model name (see aigenda models list).")
		String name;

		@Override
		public void run() {
			ModelStore store = this.location.store();
			ModelStore.Pulled pulled = store.pull(this.name);
			System.out.println("pulled " + this.name + " -> " + pulled.file() + " (" + pulled.bytes()
					+ " bytes, sha256 " + pulled.sha256()
					+ (pulled.pinned() ? ", verified" : ", not pinned in the catalog: recorded") + ")");
		}

	}

}
