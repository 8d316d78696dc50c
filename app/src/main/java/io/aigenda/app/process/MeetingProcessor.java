package io.aigenda.app.process;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.aigenda.app.client.BackendClient;
import io.aigenda.app.client.MeetingStatus;
import io.aigenda.contracts.Language;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes one recording through the platform the way any API client would: create a
 * meeting, upload, follow its progress, then write the transcript, subtitles and minutes
 * next to each other.
 */
public final class MeetingProcessor {

	private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(Map.entry("wav", "audio/wav"),
			Map.entry("flac", "audio/flac"), Map.entry("mp3", "audio/mpeg"), Map.entry("ogg", "audio/ogg"),
			Map.entry("opus", "audio/ogg"), Map.entry("m4a", "audio/mp4"), Map.entry("mp4", "video/mp4"),
			Map.entry("webm", "video/webm"), Map.entry("mkv", "video/x-matroska"), Map.entry("aiff", "audio/aiff"));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BackendClient client;

	private final Path outDir;

	private final PrintStream progressOut;

	private final boolean terminal;

	private final Duration timeout;

	public MeetingProcessor(BackendClient client, Path outDir, PrintStream progressOut, boolean terminal,
			Duration timeout) {
		this.client = client;
		this.outDir = outDir;
		this.progressOut = progressOut;
		this.terminal = terminal;
		this.timeout = timeout;
	}

	/** Processes one file; a meeting that fails is a result, not an exception. */
	public Result process(Path file, Language language) {
		String name = baseName(file);
		UUID id = this.client.createMeeting(file.getFileName().toString(), language);
		long started = System.nanoTime();
		this.client.uploadRecording(id, file, contentType(file));
		double uploadSeconds = secondsSince(started);
		MeetingStatus status = await(id, name);
		double processingSeconds = secondsSince(started) - uploadSeconds;
		if (!status.processed()) {
			String reason = (status.failureReason() != null) ? status.failureReasonInWords() : "processing failed";
			return new Result(file, id, status, List.of(), reason, uploadSeconds, processingSeconds);
		}
		List<Path> written = writeResults(id, name);
		return new Result(file, id, status, written, null, uploadSeconds, processingSeconds);
	}

	private MeetingStatus await(UUID id, String name) {
		ProgressBar bar = new ProgressBar(this.progressOut, name, this.terminal);
		long deadline = System.nanoTime() + this.timeout.toNanos();
		try {
			while (true) {
				MeetingStatus status = this.client.meeting(id);
				bar.update(status);
				if (status.processed() || status.failed()) {
					return status;
				}
				if (System.nanoTime() > deadline) {
					return new MeetingStatus(id, "FAILED", "not processed within " + this.timeout.toMinutes()
							+ " minutes (still " + status.state() + ")", null, null, status.progress());
				}
				Thread.sleep(300);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + name, ex);
		}
		finally {
			bar.finish();
		}
	}

	private List<Path> writeResults(UUID id, String name) {
		try {
			Files.createDirectories(this.outDir);
			Path transcript = write(name + ".transcript.json", pretty(this.client.transcript(id)));
			Path text = write(name + ".txt", this.client.export(id, "txt"));
			Path subtitles = write(name + ".srt", this.client.export(id, "srt"));
			Path minutes = write(name + ".minutes.json", pretty(this.client.minutes(id)));
			Path turns = write(name + ".rttm", this.client.export(id, "rttm")
				.replaceAll("(?m)^SPEAKER \\S+ ", "SPEAKER " + name.replaceAll("\\s+", "_") + " "));
			return List.of(transcript, text, subtitles, minutes, turns);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write results to " + this.outDir + ": " + ex.getMessage(), ex);
		}
	}

	private Path write(String fileName, String content) throws IOException {
		return Files.writeString(this.outDir.resolve(fileName), content, StandardCharsets.UTF_8);
	}

	/** JSON files are for people too: indented, one field per line. */
	private static String pretty(String json) {
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json)) + "\n";
	}

	static String baseName(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(0, dot) : name;
	}

	/** Whether the file's extension is one of a recording. */
	static boolean isRecording(Path file) {
		return CONTENT_TYPES.containsKey(extension(file));
	}

	/** The extensions of recordings, for messages. */
	static String extensions() {
		return String.join(", ", new java.util.TreeSet<>(CONTENT_TYPES.keySet()));
	}

	private static String extension(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return (dot >= 0) ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
	}

	public static String contentType(Path file) {
		return CONTENT_TYPES.getOrDefault(extension(file), "application/octet-stream");
	}

	private static double secondsSince(long nanoTime) {
		return (System.nanoTime() - nanoTime) / 1e9;
	}

	/**
	 * @param failureReason why the meeting failed; {@code null} when it was processed
	 * @param uploadSeconds creating the meeting and uploading the recording
	 * @param processingSeconds from the end of the upload until the minutes were ready
	 */
	public record Result(Path file, UUID meetingId, MeetingStatus status, List<Path> written, String failureReason,
			double uploadSeconds, double processingSeconds) {

		public boolean succeeded() {
			return this.failureReason == null;
		}

	}

}
