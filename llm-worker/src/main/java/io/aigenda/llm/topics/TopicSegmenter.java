package io.aigenda.llm.topics;

import java.util.List;

/** Finds where a meeting changes topic. */
public interface TopicSegmenter {

	/** Short name for reports: {@code embedding} or {@code lexical}. */
	String name();

	/**
	 * Indexes of the utterances that start a new topic, ascending, never 0 (the first
	 * topic always starts at the first utterance); empty for a meeting of one topic.
	 */
	List<Integer> boundaries(List<Utterance> utterances);

}
