package io.aigenda.app.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The recordings a command line names: files as given, folders as the recordings directly
 * inside them (by their extension, in name order). A name that is neither is a problem to
 * report, not a reason to leave the other recordings unprocessed.
 *
 * @param files the recordings to process, in order
 * @param problems one line per name that gave none ({@code "x.wav: no such file"})
 */
record RecordingFiles(List<Path> files, List<String> problems) {

	static RecordingFiles of(List<Path> names) {
		List<Path> files = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (Path name : names) {
			if (Files.isRegularFile(name)) {
				files.add(name);
			}
			else if (Files.isDirectory(name)) {
				List<Path> inside = recordingsIn(name);
				if (inside.isEmpty()) {
					problems.add(name + ": no recordings in this folder (" + MeetingProcessor.extensions() + ")");
				}
				files.addAll(inside);
			}
			else {
				problems.add(name + ": no such file");
			}
		}
		return new RecordingFiles(List.copyOf(files), List.copyOf(problems));
	}

	private static List<Path> recordingsIn(Path folder) {
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.filter(Files::isRegularFile).filter(MeetingProcessor::isRecording).sorted().toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

}
