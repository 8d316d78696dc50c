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

	/**
	 * Platform settings from these options; anything else comes from the environment.
	 * @param command the command that runs the platform, named to a second one on the
	 * same data folder
	 */
	public Map<String, Object> platformSettings(String command) {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("aigenda.data-dir", this.dataDir.toString());
		settings.put("aigenda.verbose", String.valueOf(this.verbose));
		settings.put("aigenda.command", command);
		return settings;
	}

	/**
	 * Starts every service in this process on a free port, so a command cannot clash with
	 * a server already running here. Says which broker and queues it uses; with
	 * {@code --verbose} it lists everything it started. The services' own logs show
	 * errors only: the command reports what happens to each recording itself.
	 * @throws io.aigenda.app.platform.DataDirectory.InUseException when another platform
	 * runs on the data folder
	 */
	public Platform startPlatformOnFreePort(String command) {
		Map<String, Object> settings = platformSettings(command);
		settings.put("aigenda.port", "0");
		if (!this.verbose) {
			settings.put("aigenda.quiet", "true");
		}
		System.err.println("Starting AiGenda...");
		Platform platform = Platform.start(settings);
		if (this.verbose) {
			platform.startupLog().forEach(line -> System.err.println("  " + line));
		}
		else {
			System.err.println("  broker: " + platform.brokerDescription());
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
