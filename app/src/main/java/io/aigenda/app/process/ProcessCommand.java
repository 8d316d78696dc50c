package io.aigenda.app.process;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.aigenda.app.CommonOptions;
import io.aigenda.app.client.ApiException;
import io.aigenda.app.client.BackendClient;
import io.aigenda.app.platform.DataDirectory;
import io.aigenda.app.platform.Platform;
import io.aigenda.contracts.Language;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aigenda process FILE...}: transcripts, subtitles and minutes for each recording.
 */
@Command(name = "process", description = "Transcribe recordings, attribute speakers and write minutes.")
public class ProcessCommand implements Callable<Integer> {

	@Parameters(arity = "1..*", paramLabel = "FILE",
			description = "Recordings (WAV, FLAC, MP3, Ogg, M4A, MP4...), or folders of them.")
	List<Path> files;

	@Option(names = "--lang", defaultValue = "auto", paramLabel = "ru|en|auto",
			description = "Spoken language (default: ${DEFAULT-VALUE}).")
	String language;

	@Option(names = "--out", defaultValue = "out", paramLabel = "DIR",
			description = "Folder for the results (default: ${DEFAULT-VALUE}).")
	Path out;

	@Option(names = "--server", paramLabel = "URL",
			description = "Use a running AiGenda server instead of starting one in this process.")
	URI server;

	@Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:AIGENDA_TOKEN}",
			description = "API token for --server (default: the AIGENDA_TOKEN environment variable).")
	String token;

	@Option(names = "--timeout", defaultValue = "PT2H", paramLabel = "DURATION",
			description = "Give up on a recording after this long (ISO-8601, default: ${DEFAULT-VALUE}).")
	Duration timeout;

	@Mixin
	CommonOptions common;

	/**
	 * How long to wait for a {@code serve} that holds the data folder but is still
	 * starting.
	 */
	private static final Duration SERVER_START_WAIT = Duration.ofMinutes(3);

	@Override
	public Integer call() {
		Language lang = CommonOptions.language(this.language);
		RecordingFiles recordings = RecordingFiles.of(this.files);
		if (recordings.files().isEmpty() && recordings.problems().size() == 1) {
			throw new IllegalArgumentException(recordings.problems().get(0));
		}
		recordings.problems().forEach(problem -> System.err.println("aigenda: " + problem));
		if (recordings.files().isEmpty()) {
			throw new IllegalArgumentException("No recordings to process");
		}
		int failures = recordings.problems().size();
		if (this.server != null) {
			if (this.token == null || this.token.isBlank()) {
				throw new IllegalArgumentException("--server needs --token (or AIGENDA_TOKEN)");
			}
			return exitCode(failures + processAll(new BackendClient(this.server, this.token), recordings, lang));
		}
		Platform platform;
		try {
			platform = this.common.startPlatformOnFreePort("process");
		}
		catch (DataDirectory.InUseException ex) {
			RunningServer running = RunningServer.await(ex, SERVER_START_WAIT);
			System.err.println("AiGenda is already serving " + ex.folder() + " at " + running.url() + " (pid "
					+ running.pid() + "); sending the recordings there (--server URL --token T chooses another)");
			return exitCode(failures + processAll(running.client(), recordings, lang));
		}
		try (platform) {
			return exitCode(failures
					+ processAll(new BackendClient(platform.backendUrl(), platform.adminToken()), recordings, lang));
		}
	}

	/**
	 * @return how many recordings failed
	 */
	private int processAll(BackendClient client, RecordingFiles recordings, Language lang) {
		PrintStream out = System.out;
		MeetingProcessor processor = new MeetingProcessor(client, this.out, System.err, System.console() != null,
				this.timeout);
		int failures = 0;
		for (Path file : recordings.files()) {
			MeetingProcessor.Result result;
			try {
				result = processor.process(file, lang);
			}
			catch (ApiException ex) {
				// e.g. a file the server refuses: report it and go on with the others
				failures++;
				System.err.println("aigenda: " + file.getFileName() + ": " + ex.getMessage());
				continue;
			}
			if (result.succeeded()) {
				out.printf(Locale.ROOT, "%s: %s, %d speaker(s), processed in %.1f s%n", file.getFileName(),
						duration(result), speakers(result), result.processingSeconds());
				result.written().forEach(path -> out.println("  " + path));
			}
			else {
				failures++;
				System.err.println("aigenda: " + file.getFileName() + ": " + result.failureReason());
			}
		}
		return failures;
	}

	private static int exitCode(int failures) {
		return (failures == 0) ? 0 : 1;
	}

	private static String duration(MeetingProcessor.Result result) {
		Double seconds = result.status().durationSeconds();
		return (seconds != null) ? String.format(Locale.ROOT, "%.1f s of audio", seconds) : "audio";
	}

	private static int speakers(MeetingProcessor.Result result) {
		Integer count = result.status().speakerCount();
		return (count != null) ? count : 0;
	}

}
