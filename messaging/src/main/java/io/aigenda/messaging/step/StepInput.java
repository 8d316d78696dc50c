package io.aigenda.messaging.step;

import java.nio.file.Path;

/**
 * Where a step's input comes from: a recording, downloaded to a temporary file so it
 * never sits in the heap, or a JSON document read into its type.
 *
 * @param <I> what the step's work receives
 */
public sealed interface StepInput<I> {

	/** The presigned GET URL; never logged, it carries a signature. */
	String url();

	/** What the input is, in failure reasons ("transcript download failed ..."). */
	String name();

	/** A recording, handed to the work as a temporary file that is deleted afterwards. */
	static StepInput<Path> recording(String url) {
		return new Recording(url);
	}

	/**
	 * A JSON document of the given type; fields the type does not know are ignored, a
	 * body that is not such a document fails the step for good.
	 */
	static <D> StepInput<D> document(String url, Class<D> type, String name) {
		return new Document<>(url, type, name);
	}

	record Recording(String url) implements StepInput<Path> {

		@Override
		public String name() {
			return "recording";
		}

	}

	record Document<D>(String url, Class<D> type, String name) implements StepInput<D> {

	}

}
