package io.aigenda.mlcontroller;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.aigenda.contracts.DiarizationDocument;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.contracts.TranscriptDocument;
import io.aigenda.contracts.Word;

/**
 * The 30 s two-speaker call in eval-dev: its timed speaker transcript (STM) stands in for
 * what the ASR would hear and its reference RTTM for what diarization would find.
 */
public final class PyannoteSample {

	public static final double DURATION = 30.0;

	private PyannoteSample() {
	}

	public static Path folder() {
		return Path.of(System.getProperty("aigenda.shared"), "eval-dev/diarization/pyannote_sample");
	}

	public static byte[] recording() {
		try {
			return Files.readAllBytes(folder().resolve("sample.wav"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One entry per word of the STM: the word (speaker = the STM's speaker name, for
	 * checking).
	 */
	public static List<Word> referenceWords() {
		List<Word> words = new ArrayList<>();
		for (String line : lines("sample.stm")) {
			String[] parts = line.split("\\s+", 6);
			String speaker = parts[2];
			double start = Double.parseDouble(parts[3]);
			double end = Double.parseDouble(parts[4]);
			String[] tokens = parts[5].split("\\s+");
			// The STM times utterances, not words: spread the words evenly over the
			// utterance.
			double step = (end - start) / tokens.length;
			for (int i = 0; i < tokens.length; i++) {
				words.add(new Word(start + i * step, start + (i + 1) * step, tokens[i], 0.9, speaker));
			}
		}
		return words;
	}

	/** The transcript an ASR would give: the reference words without speakers. */
	public static TranscriptDocument transcript() {
		return new TranscriptDocument(Language.EN, DURATION, "reference",
				referenceWords().stream().map((word) -> word.withSpeaker(null)).toList());
	}

	public static DiarizationDocument diarization() {
		List<SpeakerTurn> turns = new ArrayList<>();
		Set<String> speakers = new LinkedHashSet<>();
		for (String line : lines("sample.rttm")) {
			String[] parts = line.split("\\s+");
			double start = Double.parseDouble(parts[3]);
			double duration = Double.parseDouble(parts[4]);
			turns.add(new SpeakerTurn(start, start + duration, parts[7]));
			speakers.add(parts[7]);
		}
		return new DiarizationDocument(DURATION, "reference", List.copyOf(speakers), turns);
	}

	private static List<String> lines(String name) {
		try {
			return Files.readAllLines(folder().resolve(name)).stream().filter((line) -> !line.isBlank()).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
