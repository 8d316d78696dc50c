package io.aigenda.contracts;

import java.util.List;

/** What the asr-worker stores: words with times, without speakers. */
public record TranscriptDocument(String language, double durationSeconds, String engine, List<Word> words) {
}
