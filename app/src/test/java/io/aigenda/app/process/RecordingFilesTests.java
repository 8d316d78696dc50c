package io.aigenda.app.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RecordingFilesTests {

	@TempDir
	Path dir;

	@Test
	void aFolderGivesTheRecordingsInItAndAMissingNameDoesNotStopTheOthers() throws Exception {
		Path folder = Files.createDirectories(this.dir.resolve("meetings"));
		Files.writeString(folder.resolve("b.MP3"), "x");
		Files.writeString(folder.resolve("a.wav"), "x");
		Files.writeString(folder.resolve("notes.txt"), "x");
		Files.createDirectories(folder.resolve("older.wav"));
		Path single = Files.writeString(this.dir.resolve("call.m4a"), "x");

		RecordingFiles found = RecordingFiles.of(List.of(single, this.dir.resolve("gone.wav"), folder));

		assertThat(found.files()).containsExactly(single, folder.resolve("a.wav"), folder.resolve("b.MP3"));
		assertThat(found.problems()).containsExactly(this.dir.resolve("gone.wav") + ": no such file");
	}

}
