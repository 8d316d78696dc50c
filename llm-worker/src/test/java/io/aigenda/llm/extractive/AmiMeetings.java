package io.aigenda.llm.extractive;

import java.io.IOException;
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
 * The AMI meeting ES2002d (DialogStudio form: "B : text" lines) as a
 * {@link MeetingTranscript}. AMI gives no times here, so words get synthetic ones from
 * turn order: 0.3 s a word and 0.5 s between turns.
 */
public final class AmiMeetings {

	static final Path FILE = Path.of(System.getProperty("aigenda.shared", "../../shared"),
			"eval-dev/summarization/ami_ES2002d.dialogstudio.json");

	private AmiMeetings() {
	}

	static JsonNode meeting() throws IOException {
		return JsonMapper.builder().build().readTree(Files.readString(FILE)).iterator().next();
	}

	public static MeetingTranscript transcript() throws IOException {
		JsonNode history = meeting().get("original dialog info").get("dialog history");
		List<Word> words = new ArrayList<>();
		List<SpeakerTurn> turns = new ArrayList<>();
		Set<String> speakers = new LinkedHashSet<>();
		double time = 0;
		for (JsonNode line : history) {
			String text = line.asString();
			int colon = text.indexOf(" : ");
			if (colon < 0) {
				continue;
			}
			String speaker = "S" + (text.charAt(0) - 'A' + 1);
			double turnStart = time;
			for (String token : text.substring(colon + 3).split("\\s+")) {
				if (token.isBlank() || token.startsWith("<")) {
					continue;
				}
				String cleaned = token.replace("_", "");
				if (cleaned.chars().noneMatch(Character::isLetterOrDigit) && !words.isEmpty()) {
					// punctuation is a separate token in AMI; engines attach it to the
					// word before
					Word last = words.remove(words.size() - 1);
					words.add(new Word(last.start(), last.end(), last.text() + cleaned, 1.0, last.speaker()));
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

	/**
	 * AMI's reference items of one type ("abstract", "decisions", "actions", "problems").
	 */
	static List<String> reference(String type) throws IOException {
		List<String> items = new ArrayList<>();
		for (JsonNode item : meeting().get("original dialog info").get("abstractive summary")) {
			if (type.equals(item.get("type").asString()) && !"*NA*".equals(item.get("text").asString())) {
				items.add(item.get("text").asString());
			}
		}
		return items;
	}

}
