package io.aigenda.app;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class AigendaCliTests {

	@TempDir
	Path dir;

	@Test
	void missingFileIsOneLineWithoutStackTrace() {
		Console console = Console.run("process", "--out", this.dir.toString(), "no-such-recording.wav");

		assertThat(console.exitCode()).isEqualTo(1);
		assertThat(console.err().strip()).isEqualTo("aigenda: no-such-recording.wav: no such file");
	}

	@Test
	void namesThatGiveNoRecordingAreEachReportedInOneLine() throws Exception {
		java.nio.file.Path empty = java.nio.file.Files.createDirectories(this.dir.resolve("empty"));
		java.nio.file.Files.writeString(empty.resolve("notes.txt"), "not a recording");

		Console console = Console.run("process", "--out", this.dir.toString(), empty.toString(), "missing.wav");

		assertThat(console.exitCode()).isEqualTo(1);
		assertThat(console.err().lines()).containsExactly(
				"aigenda: " + empty
						+ ": no recordings in this folder (aiff, flac, m4a, mkv, mp3, mp4, ogg, opus, wav, webm)",
				"aigenda: missing.wav: no such file", "aigenda: No recordings to process");
	}

	@Test
	void unsupportedLanguageIsRefusedBeforeAnythingStarts() {
		Console console = Console.run("process", "--lang", "de", "x.wav");

		assertThat(console.exitCode()).isEqualTo(1);
		assertThat(console.err().strip()).isEqualTo("aigenda: --lang must be ru, en or auto, not 'de'");
	}

	@Test
	void unknownOptionNamesTheHelpToRead() {
		Console console = Console.run("process", "--colour", "x.wav");

		assertThat(console.exitCode()).isEqualTo(2);
		assertThat(console.err().strip()).startsWith("aigenda: Unknown option: '--colour'")
			.endsWith("(see aigenda process --help)")
			.hasLineCount(1);
	}

	@Test
	void commandIsRequired() {
		Console console = Console.run();

		assertThat(console.exitCode()).isEqualTo(2);
		assertThat(console.err().strip()).startsWith("aigenda: Missing command")
			.endsWith("(see aigenda --help)")
			.hasLineCount(1);
		assertThat(console.err()).containsOnlyOnce("--help");
	}

	@Test
	void debugShowsTheStackTrace() {
		Console console = Console.run("process", "--debug", "no-such-recording.wav");

		assertThat(console.exitCode()).isEqualTo(1);
		assertThat(console.err()).startsWith("aigenda: no-such-recording.wav: no such file")
			.contains("\tat io.aigenda.app");
	}

	@Test
	void serverNeedsAToken() {
		Console console = Console.run("process", "--server", "http://127.0.0.1:1", "--token", "",
				PlatformFiles.JFK.toString());

		assertThat(console.exitCode()).isEqualTo(1);
		assertThat(console.err().strip()).isEqualTo("aigenda: --server needs --token (or AIGENDA_TOKEN)");
	}

	@Test
	void unreachableServerIsOneLine() {
		Console console = Console.run("process", "--server", "http://127.0.0.1:1", "--token", "agk_x",
				PlatformFiles.JFK.toString());

		assertThat(console.exitCode()).isEqualTo(1);
		assertThat(console.err().strip()).isEqualTo("aigenda: jfk.wav: Cannot connect to http://127.0.0.1:1");
	}

	@Test
	void helpListsTheCommands() {
		Console console = Console.run("--help");

		assertThat(console.exitCode()).isZero();
		assertThat(console.out()).contains("process", "serve", "eval", "bench");
	}

}
