package io.aigenda.llm.topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A text with reference topic boundaries, read from an evaluation corpus.
 *
 * @param name the meeting or document, from its file name
 * @param utterances the units segmented
 * @param reference indexes of the utterances that start a reference topic (never 0)
 */
public record SegmentedDocument(String name, List<Utterance> utterances, List<Integer> reference) {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/** The separator line between segments in Choi's corpus. */
	private static final String CHOI_SEPARATOR = "==========";

	/**
	 * A QMSum meeting: its {@code meeting_transcripts} turns are the units, and each
	 * entry of {@code topic_list} starts a topic at the first turn of its first
	 * {@code relevant_text_span}. QMSum's spans are topic regions, not a partition: turns
	 * before the first span belong to the first topic and turns left between two spans to
	 * the earlier one, so the reference boundaries are the starts of the second and later
	 * topics.
	 */
	public static SegmentedDocument readQmsum(Path file) {
		JsonNode root = JSON.readTree(read(file));
		List<Utterance> utterances = new ArrayList<>();
		for (JsonNode turn : root.path("meeting_transcripts")) {
			utterances.add(Utterance.untimed(turn.path("speaker").asString(null), turn.path("content").asString("")));
		}
		if (utterances.isEmpty()) {
			throw new IllegalArgumentException(file + " has no meeting_transcripts: not a QMSum meeting");
		}
		TreeSet<Integer> starts = new TreeSet<>();
		for (JsonNode topic : root.path("topic_list")) {
			int start = Integer.MAX_VALUE;
			for (JsonNode span : topic.path("relevant_text_span")) {
				start = Math.min(start, Integer.parseInt(span.get(0).asString().strip()));
			}
			if (start != Integer.MAX_VALUE) {
				starts.add(start);
			}
		}
		if (!starts.isEmpty()) {
			starts.remove(starts.first());
		}
		starts.removeIf(s -> s <= 0 || s >= utterances.size());
		return new SegmentedDocument(baseName(file), List.copyOf(utterances), List.copyOf(starts));
	}

	/**
	 * A document of Choi's (2000) corpus: one sentence a line, segments separated by
	 * lines of {@code ==========}; sentences have no speaker.
	 */
	public static SegmentedDocument readChoi(Path file) {
		List<Utterance> utterances = new ArrayList<>();
		TreeSet<Integer> starts = new TreeSet<>();
		for (String line : read(file).split("\\R")) {
			String text = line.strip();
			if (text.startsWith(CHOI_SEPARATOR)) {
				starts.add(utterances.size());
			}
			else if (!text.isEmpty()) {
				utterances.add(Utterance.untimed(null, text));
			}
		}
		if (utterances.isEmpty()) {
			throw new IllegalArgumentException(file + " has no sentences: not a Choi document");
		}
		starts.removeIf(s -> s <= 0 || s >= utterances.size());
		return new SegmentedDocument(baseName(file), List.copyOf(utterances), List.copyOf(starts));
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static String baseName(Path file) {
		String name = file.getFileName().toString();
		int dot = name.indexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}

}
