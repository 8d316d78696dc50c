package io.aigenda.diarization.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.aigenda.contracts.SpeakerTurn;

/**
 * Reads and writes NIST RTTM
 * ({@code SPEAKER <file> 1 <start> <duration> <NA> <NA> <speaker> <NA> <NA>}) and UEM
 * ({@code <file> <channel> <start> <end>}) files.
 */
public final class RttmFiles {

	private RttmFiles() {
	}

	/** Speaker turns per file id, in file order; lines other than SPEAKER are skipped. */
	public static Map<String, List<SpeakerTurn>> read(Path rttm) {
		Map<String, List<SpeakerTurn>> turns = new LinkedHashMap<>();
		int number = 0;
		for (String line : lines(rttm)) {
			number++;
			String[] fields = line.trim().split("\\s+");
			if (fields.length < 8 || !"SPEAKER".equals(fields[0])) {
				continue;
			}
			try {
				double start = Double.parseDouble(fields[3]);
				double duration = Double.parseDouble(fields[4]);
				turns.computeIfAbsent(fields[1], k -> new ArrayList<>())
					.add(new SpeakerTurn(start, start + duration, fields[7]));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(rttm + " line " + number + " has no valid times: " + line);
			}
		}
		return turns;
	}

	/** Scored spans per file id. */
	public static Map<String, List<TimeSpan>> readUem(Path uem) {
		Map<String, List<TimeSpan>> spans = new LinkedHashMap<>();
		for (String line : lines(uem)) {
			String[] fields = line.trim().split("\\s+");
			if (fields.length < 4 || line.startsWith(";")) {
				continue;
			}
			spans.computeIfAbsent(fields[0], k -> new ArrayList<>())
				.add(new TimeSpan(Double.parseDouble(fields[2]), Double.parseDouble(fields[3])));
		}
		return spans;
	}

	/** RTTM lines of one file's turns. */
	public static String format(String fileId, List<SpeakerTurn> turns) {
		StringBuilder out = new StringBuilder();
		for (SpeakerTurn turn : turns) {
			out.append(String.format(Locale.ROOT, "SPEAKER %s 1 %.3f %.3f <NA> <NA> %s <NA> <NA>%n", fileId,
					turn.start(), turn.end() - turn.start(), turn.speaker()));
		}
		return out.toString();
	}

	public static void write(Path rttm, String fileId, List<SpeakerTurn> turns) {
		try {
			Files.writeString(rttm, format(fileId, turns), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

}
