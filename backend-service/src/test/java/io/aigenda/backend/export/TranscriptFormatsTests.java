package io.aigenda.backend.export;

import java.util.ArrayList;
import java.util.List;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.Word;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptFormatsTests {

	@Test
	void cuesNeverCrossSpeakersAndStayShort() {
		List<Word> words = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String speaker = i < 30 ? "S1" : "S2";
			words.add(new Word(i * 0.4, i * 0.4 + 0.3, "w" + i, 0.9, speaker));
		}
		MeetingTranscript transcript = new MeetingTranscript(Language.EN, 16, List.of("S1", "S2"), words, List.of());

		List<TranscriptFormats.Cue> cues = TranscriptFormats.cues(transcript);

		assertThat(cues).allSatisfy(cue -> {
			assertThat(cue.end() - cue.start()).isLessThanOrEqualTo(TranscriptFormats.MAX_CUE_SECONDS);
			assertThat(cue.text().split(" ")).hasSizeLessThanOrEqualTo(TranscriptFormats.MAX_CUE_WORDS + 1);
			assertThat(cue.text()).startsWith("[" + cue.speaker() + "] ");
		});
		assertThat(cues).filteredOn(cue -> cue.text().contains("w29"))
			.singleElement()
			.satisfies(cue -> assertThat(cue.text()).doesNotContain("w30"));
		assertThat(String.join(" ", cues.stream().map(c -> c.text().replaceAll("\\[S\\d] ", "")).toList()))
			.isEqualTo(String.join(" ", words.stream().map(Word::text).toList()));
	}

	@Test
	void rttmHasOneSpeakerLinePerTurnWithLabels() {
		MeetingTranscript transcript = new MeetingTranscript(Language.EN, 10, List.of("S1", "S2"), List.of(),
				List.of(new io.aigenda.contracts.SpeakerTurn(0.5, 4.25, "S1"),
						new io.aigenda.contracts.SpeakerTurn(4.25, 9.0, "S2")));
		assertThat(TranscriptFormats.rttm("weekly sync", transcript))
			.isEqualTo("SPEAKER weekly_sync 1 0.500 3.750 <NA> <NA> S1 <NA> <NA>\n"
					+ "SPEAKER weekly_sync 1 4.250 4.750 <NA> <NA> S2 <NA> <NA>\n");
	}

	@Test
	void srtAndVttUseTheirOwnTimestampFormats() {
		MeetingTranscript transcript = new MeetingTranscript(Language.RU, 3725, List.of("S1"),
				List.of(new Word(3723.5, 3724.25, "Привет", 0.9, "S1"), new Word(3724.3, 3724.9, ",", 0.9, "S1")),
				List.of());

		assertThat(TranscriptFormats.srt(transcript)).isEqualTo("1\n01:02:03,500 --> 01:02:04,900\n[S1] Привет,\n\n");
		assertThat(TranscriptFormats.vtt(transcript))
			.isEqualTo("WEBVTT\n\n01:02:03.500 --> 01:02:04.900\n[S1] Привет,\n\n");
		assertThat(TranscriptFormats.txt(transcript)).isEqualTo("[01:02:03] S1: Привет,\n\n");
	}

}
