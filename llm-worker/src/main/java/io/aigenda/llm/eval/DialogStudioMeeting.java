package io.aigenda.llm.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.contracts.Word;
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
		List<Word> words = new ArrayList<>();
		List<SpeakerTurn> turns = new ArrayList<>();
		Set<String> speakers = new LinkedHashSet<>();
		double time = 0;
		for (JsonNode line : history) {
			String text = line.asString();
			int colon = text.indexOf(" : ");
			if (colon < 1) {
				continue;
			}
			String speaker = "S" + (Character.toUpperCase(text.charAt(0)) - 'A' + 1);
			double turnStart = time;
			for (String token : text.substring(colon + 3).split("\\s+")) {
				if (token.isBlank() || token.startsWith("<")) {
					continue;
				}
				String cleaned = token.replace("_", "");
				if (cleaned.chars().noneMatch(Character::isLetterOrDigit)) {
					// punctuation is a token of its own in AMI; recognisers attach it to
					// the word before
					if (!words.isEmpty() && words.get(words.size() - 1).speaker().equals(speaker)) {
						Word last = words.remove(words.size() - 1);
						words.add(new Word(last.start(), last.end(), last.text() + cleaned, 1.0, speaker));
					}
					continue;
				}
				words.add(new Word(time, time + 0.3, cleaned, 1.0, speaker));
				time += 0.3;
			}
			if (time > turnStart) {
				turns.add(new SpeakerTurn(turnStart, time, speaker));
				speakers.add(speaker);
			}
			time += 0.5;
		}
		return new MeetingTranscript(Language.EN, time, List.copyOf(speakers), words, turns);
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
