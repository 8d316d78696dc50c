package io.aigenda.backend.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.Word;

/**
 * Plain text, SubRip and WebVTT renderings of a transcript. The API's exports and the
 * CLI's files come from here, so they are always the same.
 */
public final class TranscriptFormats {

	/** A subtitle cue lasts at most this long... */
	public static final double MAX_CUE_SECONDS = 7.0;

	/** ...and holds at most this many words. */
	public static final int MAX_CUE_WORDS = 12;

	/** A silence this long starts a new cue or paragraph. */
	private static final double PAUSE_SECONDS = 2.0;

	private TranscriptFormats() {
	}

	/** Speaker-labelled paragraphs: a new paragraph whenever the speaker changes. */
	public static String txt(MeetingTranscript transcript) {
		StringBuilder out = new StringBuilder();
		List<Word> paragraph = new ArrayList<>();
		for (Word word : words(transcript)) {
			if (!paragraph.isEmpty() && !Objects.equals(paragraph.get(0).speaker(), word.speaker())) {
				appendParagraph(out, paragraph);
				paragraph.clear();
			}
			paragraph.add(word);
		}
		appendParagraph(out, paragraph);
		return out.toString();
	}

	/**
	 * The speaker turns as RTTM
	 * ({@code SPEAKER file 1 start duration <NA> <NA> label <NA> <NA>}), with speaker
	 * labels rather than names (names may hold spaces), for any DER scorer.
	 */
	public static String rttm(String fileId, MeetingTranscript transcript) {
		StringBuilder out = new StringBuilder();
		String id = fileId.replaceAll("\\s+", "_");
		for (io.aigenda.contracts.SpeakerTurn turn : transcript.turns()) {
			out.append(String.format(java.util.Locale.ROOT, "SPEAKER %s 1 %.3f %.3f <NA> <NA> %s <NA> <NA>%n", id,
					turn.start(), turn.end() - turn.start(), turn.speaker()));
		}
		return out.toString();
	}

	public static String srt(MeetingTranscript transcript) {
		StringBuilder out = new StringBuilder();
		int index = 1;
		for (Cue cue : cues(transcript)) {
			out.append(index++)
				.append('\n')
				.append(timestamp(cue.start(), ','))
				.append(" --> ")
				.append(timestamp(cue.end(), ','))
				.append('\n')
				.append(cue.text())
				.append("\n\n");
		}
		return out.toString();
	}

	public static String vtt(MeetingTranscript transcript) {
		StringBuilder out = new StringBuilder("WEBVTT\n\n");
		for (Cue cue : cues(transcript)) {
			out.append(timestamp(cue.start(), '.'))
				.append(" --> ")
				.append(timestamp(cue.end(), '.'))
				.append('\n')
				.append(cue.text())
				.append("\n\n");
		}
		return out.toString();
	}

	/**
	 * Subtitle cues: one speaker each, at most {@link #MAX_CUE_SECONDS} and
	 * {@link #MAX_CUE_WORDS} words, split at long pauses.
	 */
	public static List<Cue> cues(MeetingTranscript transcript) {
		List<Cue> cues = new ArrayList<>();
		List<Word> current = new ArrayList<>();
		for (Word word : words(transcript)) {
			if (!current.isEmpty()) {
				Word first = current.get(0);
				Word last = current.get(current.size() - 1);
				boolean otherSpeaker = !Objects.equals(first.speaker(), word.speaker());
				boolean tooLong = word.end() - first.start() > MAX_CUE_SECONDS;
				boolean tooMany = current.size() >= MAX_CUE_WORDS;
				boolean pause = word.start() - last.end() > PAUSE_SECONDS;
				if (otherSpeaker || tooLong || tooMany || pause) {
					cues.add(cue(current));
					current.clear();
				}
			}
			current.add(word);
		}
		if (!current.isEmpty()) {
			cues.add(cue(current));
		}
		return cues;
	}

	private static Cue cue(List<Word> words) {
		Word first = words.get(0);
		Word last = words.get(words.size() - 1);
		String label = first.speaker() != null ? "[" + first.speaker() + "] " : "";
		return new Cue(first.start(), Math.max(last.end(), first.start()), first.speaker(), label + join(words));
	}

	private static void appendParagraph(StringBuilder out, List<Word> words) {
		if (words.isEmpty()) {
			return;
		}
		Word first = words.get(0);
		out.append('[').append(clock(first.start())).append("] ");
		if (first.speaker() != null) {
			out.append(first.speaker()).append(": ");
		}
		out.append(join(words)).append("\n\n");
	}

	/**
	 * The words' readable forms joined by spaces, with punctuation tokens attached to the
	 * word before.
	 */
	static String join(List<Word> words) {
		StringBuilder text = new StringBuilder();
		for (Word word : words) {
			String token = word.readable() == null ? "" : word.readable().strip();
			if (token.isEmpty()) {
				continue;
			}
			if (!text.isEmpty() && !isClosingPunctuation(token)) {
				text.append(' ');
			}
			text.append(token);
		}
		return text.toString();
	}

	private static boolean isClosingPunctuation(String token) {
		return token.length() == 1 && ".,!?;:…)»".indexOf(token.charAt(0)) >= 0;
	}

	private static List<Word> words(MeetingTranscript transcript) {
		return transcript.words() != null ? transcript.words() : List.of();
	}

	/** {@code HH:MM:SS,mmm} (SubRip) or {@code HH:MM:SS.mmm} (WebVTT). */
	static String timestamp(double seconds, char separator) {
		long millis = Math.round(Math.max(0, seconds) * 1000);
		return String.format(Locale.ROOT, "%02d:%02d:%02d%c%03d", millis / 3_600_000, (millis / 60_000) % 60,
				(millis / 1000) % 60, separator, millis % 1000);
	}

	private static String clock(double seconds) {
		long whole = (long) Math.floor(Math.max(0, seconds));
		return String.format(Locale.ROOT, "%02d:%02d:%02d", whole / 3600, (whole / 60) % 60, whole % 60);
	}

	/** One subtitle cue. */
	public record Cue(double start, double end, String speaker, String text) {
	}

}
