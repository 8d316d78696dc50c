package io.aigenda.contracts;

import java.util.List;

/** What the asr-worker stores: words with times, without speakers. */
public record TranscriptDocument(Language language, double durationSeconds, String engine, List<Word> words) {

	/** A language left out (older senders) is {@link Language#AUTO}: not decided. */
	public TranscriptDocument {
		language = Language.orAuto(language);
	}

}
