package io.aigenda.llm.topics;

import java.util.List;
import java.util.regex.Pattern;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.TextLanguage;

/** Clean-up shared by the segmenters. */
final class Texts {

	// Transcripts of meeting corpora mark noises and disfluencies as {vocalsound},
	// <laugh>, [noise].
	private static final Pattern MARKUP = Pattern.compile("\\{[^}]*}|<[^>]*>|\\[[^]]*]");

	private Texts() {
	}

	static String clean(String text) {
		return MARKUP.matcher(text).replaceAll(" ").replaceAll("\\s+", " ").strip();
	}

	/** The language most letters of the utterances are written in. */
	static Language language(List<Utterance> utterances) {
		StringBuilder all = new StringBuilder();
		utterances.forEach(u -> all.append(u.text()).append(' '));
		return TextLanguage.of(all);
	}

}
