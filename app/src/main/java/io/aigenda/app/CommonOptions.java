package io.aigenda.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.aigenda.app.platform.Platform;
import io.aigenda.contracts.Language;
import picocli.CommandLine.Option;

/** Options every command that may start the platform understands. */
public class CommonOptions {

	@Option(names = "--data-dir", paramLabel = "DIR",
			description = "Where embedded PostgreSQL, S3 objects and pipeline state are kept (default: ${DEFAULT-VALUE}).",
			defaultValue = "${env:AIGENDA_DATA_DIR:-data}")
	public Path dataDir;

	@Option(names = "--verbose", description = "Show the services' logs.")
	public boolean verbose;

	@Option(names = "--debug", description = "Show stack traces of errors.")
	public boolean debug;

	/** Platform settings from these options; anything else comes from the environment. */
	public Map<String, Object> platformSettings() {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("aigenda.data-dir", this.dataDir.toString());
		settings.put("aigenda.verbose", String.valueOf(this.verbose));
		return settings;
	}

	/**
	 * Starts every service in this process on a free port, so a command cannot clash with
	 * a server already running here; with {@code --verbose} it lists what it started.
	 */
	public Platform startPlatformOnFreePort() {
		Map<String, Object> settings = platformSettings();
		settings.put("aigenda.port", "0");
		System.err.println("Starting AiGenda...");
		Platform platform = Platform.start(settings);
		if (this.verbose) {
			platform.startupLog().forEach(line -> System.err.println("  " + line));
		}
		return platform;
	}

	/** A {@code --lang} value: ru, en or auto. */
	public static Language language(String option) {
		try {
			return Language.parse(option);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("--lang must be ru, en or auto, not '" + option + "'", ex);
		}
	}

}
