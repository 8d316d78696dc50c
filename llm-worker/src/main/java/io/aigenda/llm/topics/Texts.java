package io.aigenda.llm.topics;

import java.util.regex.Pattern;

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

}
