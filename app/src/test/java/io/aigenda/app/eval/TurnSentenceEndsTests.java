package io.aigenda.app.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.aigenda.app.PlatformFiles;
import io.aigenda.asr.AsrProperties;
import io.aigenda.asr.ProgressListener;
import io.aigenda.asr.Transcriber;
import io.aigenda.asr.eval.ReadabilityScore;
import io.aigenda.contracts.DiarizationDocument;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.contracts.TranscriptDocument;
import io.aigenda.diarization.Diarizer;
import io.aigenda.mlcontroller.join.TranscriptJoiner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sentence ends in the readable text of a conversation, against its punctuated reference
 * (the pyannote phone call's timed transcript): from pauses alone (the asr-worker), then
 * with a speaker change ending a sentence (the ml-controller's join), with the turns the
 * diarizer finds and with the reference turns.
 */
class TurnSentenceEndsTests {

	private static final Path CALL = PlatformFiles.SHARED.resolve("eval-dev/diarization/pyannote_sample");

	@Test
	void aSpeakerChangeFindsSentenceEndsThatPausesMiss() throws IOException {
		TranscriptDocument transcript;
		try (Transcriber transcriber = Transcriber.create(AsrProperties.defaults())) {
			transcript = transcriber.transcribe(CALL.resolve("sample.wav"), Language.EN, ProgressListener.none());
		}
		DiarizationDocument found;
		try (Diarizer diarizer = Diarizer.withDefaults()) {
			found = diarizer.diarize(CALL.resolve("sample.wav"), null, null);
		}
		String reference = reference(CALL.resolve("sample.stm"));

		ReadabilityScore.Counts pauses = ReadabilityScore.readability(reference, transcript.words());
		ReadabilityScore.Counts diarized = ReadabilityScore.readability(reference,
				TranscriptJoiner.join(transcript, found, Language.EN).words());
		ReadabilityScore.Counts oracle = ReadabilityScore.readability(reference,
				TranscriptJoiner.join(transcript, referenceTurns(CALL.resolve("sample.rttm"), transcript), Language.EN)
					.words());

		System.out.printf(Locale.ROOT, "sample.wav sentence ends (%d matched words, %d ends in the reference):%n",
				pauses.words(), pauses.endsInReference());
		print("pauses only (former)", pauses);
		print("pauses + diarized turns", diarized);
		print("pauses + reference turns", oracle);
		assertThat(diarized.endRecall()).isGreaterThan(pauses.endRecall());
		assertThat(oracle.endRecall()).isGreaterThan(pauses.endRecall());
		assertThat(diarized.capitalsRight()).isGreaterThanOrEqualTo(pauses.capitalsRight());
	}

	private static void print(String name, ReadabilityScore.Counts counts) {
		System.out.printf(Locale.ROOT,
				"  %-26s capitals %.1f%% (all lower case %.1f%%), sentence ends precision %.1f%% recall %.1f%%%n", name,
				100.0 * counts.capitalsRight() / counts.words(), 100.0 * counts.capitalsBaseline() / counts.words(),
				100 * counts.endPrecision(), 100 * counts.endRecall());
	}

	private static String reference(Path stm) throws IOException {
		List<String> text = new ArrayList<>();
		for (String line : Files.readAllLines(stm)) {
			String[] fields = line.strip().split("\\s+", 6);
			if (fields.length == 6) {
				text.add(fields[5]);
			}
		}
		return String.join(" ", text);
	}

	private static DiarizationDocument referenceTurns(Path rttm, TranscriptDocument transcript) throws IOException {
		List<SpeakerTurn> turns = new ArrayList<>();
		for (String line : Files.readAllLines(rttm)) {
			String[] f = line.strip().split("\\s+");
			if (f.length > 7 && f[0].equals("SPEAKER")) {
				double start = Double.parseDouble(f[3]);
				turns.add(new SpeakerTurn(start, start + Double.parseDouble(f[4]), f[7]));
			}
		}
		List<String> speakers = turns.stream().map(SpeakerTurn::speaker).distinct().toList();
		return new DiarizationDocument(transcript.durationSeconds(), "reference", speakers, turns);
	}

}
