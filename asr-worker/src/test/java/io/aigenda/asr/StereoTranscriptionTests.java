package io.aigenda.asr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.TranscriptDocument;
import io.aigenda.contracts.Word;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev recording with one speaker per channel (they talk over each other for two
 * seconds): each channel recognised on its own against the mono mix the platform made
 * before. Scored as the share of each channel's reference words found (the words of two
 * overlapping speakers have no single right order).
 */
class StereoTranscriptionTests {

	private static final Path STEREO = EvalDev
		.shared("eval-dev/diarization/more/faster-whisper_stereo/stereo_diarization.wav");

	// the expected texts of the clip's source (its reference.txt)
	private static final String LEFT = "he began a confused complaint against the wizard who had vanished behind the curtain on the left";

	private static final String RIGHT = "the horizon seems extremely distant";

	@Test
	void eachChannelIsRecognisedOnItsOwnAndMergedByTime() {
		TranscriptDocument split;
		TranscriptDocument mix;
		try (Transcriber transcriber = Transcriber.create(AsrProperties.defaults())) {
			split = transcriber.transcribe(STEREO, Language.EN, ProgressListener.none());
		}
		AsrProperties mono = AsrProperties.defaults().withSignal(new AsrProperties.Signal(true, 1.5, 0, false));
		try (Transcriber transcriber = Transcriber.create(mono)) {
			mix = transcriber.transcribe(STEREO, Language.EN, ProgressListener.none());
		}

		double splitLeft = found(LEFT, split);
		double splitRight = found(RIGHT, split);
		double mixLeft = found(LEFT, mix);
		double mixRight = found(RIGHT, mix);
		System.out.printf(Locale.ROOT,
				"stereo_diarization.wav reference words found: per channel left %.0f%% right %.0f%%; "
						+ "mono mix left %.0f%% right %.0f%%%n  per channel: %s%n  mono mix:    %s%n",
				splitLeft * 100, splitRight * 100, mixLeft * 100, mixRight * 100, text(split), text(mix));
		assertThat(splitLeft + splitRight).isGreaterThan(mixLeft + mixRight);
		assertThat(splitRight).as("the quieter, overlapped speaker").isGreaterThanOrEqualTo(0.6);
		assertThat(split.words()).isSortedAccordingTo((a, b) -> Double.compare(a.start(), b.start()));
		assertThat(split.durationSeconds()).isEqualTo(mix.durationSeconds());
	}

	/** Share of the reference's words present in the transcript (as a multiset). */
	private static double found(String reference, TranscriptDocument document) {
		Map<String, Integer> heard = new HashMap<>();
		for (Word word : document.words()) {
			heard.merge(word.text().toLowerCase(Locale.ROOT), 1, Integer::sum);
		}
		String[] words = reference.split(" ");
		int hits = 0;
		for (String word : words) {
			Integer left = heard.get(word);
			if (left != null && left > 0) {
				hits++;
				heard.put(word, left - 1);
			}
		}
		return (double) hits / words.length;
	}

	private static String text(TranscriptDocument document) {
		List<String> words = new ArrayList<>();
		document.words().forEach(word -> words.add(word.text()));
		return String.join(" ", words);
	}

}
