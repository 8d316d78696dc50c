package io.aigenda.contracts.internal;

import java.util.List;

/**
 * Answer of the ml-controller's {@link InternalPaths#ASK}: the answer to a question about
 * one meeting, with the passages it rests on.
 *
 * @param answer the text of the answer
 * @param method {@code passages}: the best passages themselves, quoted with their times
 * @param citations the passages, best first; none when nothing answers
 * @param found whether anything in the meeting answers the question
 */
public record Answer(String answer, String method, List<Passage> citations, boolean found) {

	public Answer(String answer, String method, List<Passage> citations) {
		this(answer, method, citations, !citations.isEmpty());
	}

}
