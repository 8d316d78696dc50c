package io.aigenda.llm.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.contracts.Word;

/**
 * A transcript from a text reference, as a recogniser would hand it over: words with
 * made-up times (0.3 s a word, 0.5 s between turns) and punctuation attached to the word
 * before, which is what recognisers do and references write as tokens of their own. Each
 * reference format cleans its own tokens; the words and their times are built here.
 */
final class MadeUpTimes {

	private MadeUpTimes() {
	}

	/**
	 * @param speaker the turn's speaker label
	 * @param tokens the turn's tokens, already cleaned of the format's markup; none empty
	 */
	record Turn(String speaker, List<String> tokens) {
	}

	static MeetingTranscript transcript(List<Turn> turns, Language language) {
		List<Word> words = new ArrayList<>();
		List<SpeakerTurn> speakerTurns = new ArrayList<>();
		Set<String> speakers = new LinkedHashSet<>();
		double time = 0;
		for (Turn turn : turns) {
			String speaker = turn.speaker();
			double turnStart = time;
			for (String token : turn.tokens()) {
				if (token.chars().noneMatch(Character::isLetterOrDigit)) {
					if (!words.isEmpty() && words.get(words.size() - 1).speaker().equals(speaker)) {
						Word last = words.remove(words.size() - 1);
						words.add(new Word(last.start(), last.end(), last.text() + token, 1.0, speaker));
					}
					continue;
				}
				words.add(new Word(time, time + 0.3, token, 1.0, speaker));
				time += 0.3;
			}
			if (time > turnStart) {
				speakerTurns.add(new SpeakerTurn(turnStart, time, speaker));
				speakers.add(speaker);
			}
			time += 0.5;
		}
		return new MeetingTranscript(language, time, List.copyOf(speakers), words, speakerTurns);
	}

}
