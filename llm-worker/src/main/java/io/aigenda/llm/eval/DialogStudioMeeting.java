package io.aigenda.llm.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingTranscript;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A meeting in DialogStudio's format with its gold minutes: {@code original dialog info}
 * holds the {@code dialog history} ("B : text" lines, one speaker letter each) and the
 * {@code abstractive summary} items typed {@code abstract}, {@code decisions},
 * {@code actions}, {@code problems}. The lines carry no times, so each word gets 0.3 s
 * and each turn change 0.5 s, which keeps the order and the relative lengths the writers
 * use.
 *
 * @param id the dialog id ({@code original dialog id} without {@code .json})
 */
public record DialogStudioMeeting(String id, MeetingTranscript transcript, List<String> abstractSentences,
		List<String> decisions, List<String> actions) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public static List<DialogStudioMeeting> read(Path file) {
		JsonNode root;
		try {
			root = JSON.readTree(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file + ": " + ex.getMessage(), ex);
		}
		List<DialogStudioMeeting> meetings = new ArrayList<>();
		for (JsonNode dialog : root) {
			JsonNode info = dialog.path("original dialog info");
			if (!info.has("dialog history")) {
				continue;
			}
			String id = dialog.path("original dialog id")
				.asString("dialog" + meetings.size())
				.replaceFirst("\\.json$", "");
			meetings.add(new DialogStudioMeeting(id, transcript(info.get("dialog history")), items(info, "abstract"),
					items(info, "decisions"), items(info, "actions")));
		}
		if (meetings.isEmpty()) {
			throw new IllegalArgumentException(file + " has no DialogStudio dialog with a dialog history");
		}
		return meetings;
	}

	private static MeetingTranscript transcript(JsonNode history) {
		List<MadeUpTimes.Turn> turns = new ArrayList<>();
		for (JsonNode line : history) {
			String text = line.asString();
			int colon = text.indexOf(" : ");
			if (colon < 1) {
				continue;
			}
			List<String> tokens = new ArrayList<>();
			for (String token : text.substring(colon + 3).split("\\s+")) {
				// AMI writes noises as <tags> and joins letters of spelt words with _
				if (!token.isBlank() && !token.startsWith("<")) {
					tokens.add(token.replace("_", ""));
				}
			}
			turns.add(new MadeUpTimes.Turn("S" + (Character.toUpperCase(text.charAt(0)) - 'A' + 1), tokens));
		}
		return MadeUpTimes.transcript(turns, Language.EN);
	}

	private static List<String> items(JsonNode info, String type) {
		List<String> items = new ArrayList<>();
		for (JsonNode item : info.path("abstractive summary")) {
			String text = item.path("text").asString("");
			if (type.equals(item.path("type").asString()) && !text.isBlank() && !"*NA*".equals(text)) {
				items.add(text.strip());
			}
		}
		return items;
	}

}
