package io.aigenda.llm.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingTranscript;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dialogue or meeting with its human summaries, from any of the development sets: AMI
 * in DialogStudio's format (abstract, decisions, actions), QMSum meetings (the general
 * summary), DialogSum (three summaries each), DialogStudio chats such as SAMSum, and
 * Russian news texts with their headlines. The texts carry no times, so each word gets
 * 0.3 s and each turn change 0.5 s, which keeps the order and relative lengths the
 * writers use.
 *
 * @param set the set it comes from ({@code ami}, {@code qmsum}, {@code dialogsum},
 * {@code samsum}, {@code ru-headlines})
 * @param summaries one or more human summaries; ROUGE is averaged over them
 */
public record SummaryReference(String set, String id, MeetingTranscript transcript, List<String> summaries,
		List<String> decisions, List<String> actions) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Every reference under {@code eval-dev/summarization}, set by set. */
	public static List<SummaryReference> readAll(Path folder) {
		List<SummaryReference> all = new ArrayList<>();
		for (Path file : list(folder, ".json")) {
			for (DialogStudioMeeting meeting : DialogStudioMeeting.read(file)) {
				all.add(new SummaryReference("ami", meeting.id(), meeting.transcript(),
						List.of(String.join(" ", meeting.abstractSentences())), meeting.decisions(),
						meeting.actions()));
			}
		}
		for (Path file : list(folder.resolve("qmsum"), ".json")) {
			all.add(readQmsum(file));
		}
		for (Path file : list(folder.resolve("dialogsum"), ".jsonl")) {
			all.addAll(readDialogSum(file));
		}
		Path samsum = folder.resolve("dialogstudio/SAMSum/converted_examples.json");
		if (Files.isRegularFile(samsum)) {
			all.addAll(readDialogStudioChats("samsum", samsum));
		}
		for (Path file : list(folder.resolve("ru_ria_headlines"), ".json")) {
			all.addAll(readHeadlines(file));
		}
		return all;
	}

	/** A QMSum meeting: its turns and the answer to "Summarize the whole meeting". */
	public static SummaryReference readQmsum(Path file) {
		JsonNode root = tree(file);
		List<String[]> turns = new ArrayList<>();
		for (JsonNode turn : root.path("meeting_transcripts")) {
			turns.add(new String[] { turn.path("speaker").asString(""), turn.path("content").asString("") });
		}
		List<String> summaries = new ArrayList<>();
		for (JsonNode query : root.path("general_query_list")) {
			String answer = query.path("answer").asString("");
			if (!answer.isBlank()) {
				summaries.add(answer);
			}
		}
		String id = file.getFileName().toString().replaceFirst("\\.json$", "");
		return new SummaryReference("qmsum", id, transcript(turns, Language.EN), summaries, List.of(), List.of());
	}

	static List<SummaryReference> readDialogSum(Path file) {
		List<SummaryReference> all = new ArrayList<>();
		for (String line : lines(file)) {
			if (line.isBlank()) {
				continue;
			}
			JsonNode row = JSON.readTree(line);
			List<String[]> turns = new ArrayList<>();
			for (String text : row.path("dialogue").asString("").split("\n")) {
				int colon = text.indexOf(':');
				if (colon > 0) {
					turns.add(new String[] { text.substring(0, colon).replace("#", "").strip(),
							text.substring(colon + 1).strip() });
				}
			}
			List<String> summaries = new ArrayList<>();
			for (String key : List.of("summary", "summary1", "summary2", "summary3")) {
				String summary = row.path(key).asString("");
				if (!summary.isBlank()) {
					summaries.add(summary);
				}
			}
			all.add(new SummaryReference("dialogsum", row.path("fname").asString("dialogsum" + all.size()),
					transcript(turns, Language.EN), summaries, List.of(), List.of()));
		}
		return all;
	}

	/**
	 * DialogStudio chats (SAMSum): each log entry is a user utterance and a system
	 * response, each with its speaker's name.
	 */
	static List<SummaryReference> readDialogStudioChats(String set, Path file) {
		List<SummaryReference> all = new ArrayList<>();
		JsonNode root = tree(file);
		for (var entry : root.properties()) {
			JsonNode dialog = entry.getValue();
			List<String[]> turns = new ArrayList<>();
			for (JsonNode log : dialog.path("log")) {
				turns.add(new String[] { log.path("original user side information").path("speaker").asString("A"),
						log.path("user utterance").asString("") });
				turns.add(new String[] { log.path("original system side information").path("speaker").asString("B"),
						log.path("system response").asString("") });
			}
			String summary = dialog.path("original dialog info").path("summary").asString("");
			if (!summary.isBlank()) {
				all.add(new SummaryReference(set, entry.getKey(), transcript(turns, Language.EN), List.of(summary),
						List.of(), List.of()));
			}
		}
		return all;
	}

	/** Russian news texts (one JSON object a line, HTML text) with their headlines. */
	static List<SummaryReference> readHeadlines(Path file) {
		List<SummaryReference> all = new ArrayList<>();
		for (String line : lines(file)) {
			if (line.isBlank()) {
				continue;
			}
			JsonNode row = JSON.readTree(line);
			String text = row.path("text")
				.asString("")
				.replaceAll("<[^>]*>", " ")
				.replace("&nbsp;", " ")
				.replace("&mdash;", "—")
				.replace("&ndash;", "–")
				.replace("&laquo;", "«")
				.replace("&raquo;", "»")
				.replace("&quot;", "\"")
				.replaceAll("&[a-z]+;", " ");
			List<String[]> turns = new ArrayList<>();
			turns.add(new String[] { "S1", text });
			all.add(new SummaryReference("ru-headlines", "ria" + all.size(), transcript(turns, Language.RU),
					List.of(row.path("title").asString("")), List.of(), List.of()));
		}
		return all;
	}

	/**
	 * Words with made-up times ({@link MadeUpTimes}); a turn without a speaker is S1.
	 */
	static MeetingTranscript transcript(List<String[]> turns, Language language) {
		List<MadeUpTimes.Turn> cleaned = new ArrayList<>();
		for (String[] turn : turns) {
			List<String> tokens = new ArrayList<>();
			for (String token : turn[1].split("\\s+")) {
				// QMSum marks noises and cut words in braces: {vocalsound}, {disfmarker}
				String clean = token.replaceAll("\\{[^}]*\\}", "").strip();
				if (!clean.isEmpty()) {
					tokens.add(clean);
				}
			}
			cleaned.add(new MadeUpTimes.Turn(turn[0].isBlank() ? "S1" : turn[0].strip(), tokens));
		}
		return MadeUpTimes.transcript(cleaned, language);
	}

	private static JsonNode tree(Path file) {
		try {
			return JSON.readTree(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static List<Path> list(Path folder, String suffix) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.getFileName().toString().endsWith(suffix) && Files.isRegularFile(f))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + folder + ": " + ex.getMessage(), ex);
		}
	}

}
