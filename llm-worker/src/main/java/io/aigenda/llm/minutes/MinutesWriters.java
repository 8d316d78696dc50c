package io.aigenda.llm.minutes;

import io.aigenda.llm.extractive.ExtractiveMinutesWriter;
import io.aigenda.llm.topics.TopicSegmenters;

/**
 * Builds the configured {@link MinutesWriter} outside Spring, for the command line; the worker
 * gets the same writer as a bean.
 */
public final class MinutesWriters {

	private MinutesWriters() {
	}

	public static MinutesWriter create(LlmProperties properties) {
		return switch (properties.engine()) {
			case ExtractiveMinutesWriter.ENGINE -> extractive(properties);
			default -> throw new IllegalArgumentException("Unknown minutes engine '" + properties.engine()
					+ "' (aigenda.llm.engine); available: " + ExtractiveMinutesWriter.ENGINE);
		};
	}

	public static MinutesWriter extractive() {
		return create(LlmProperties.defaults());
	}

	/** The offline writer, with topic boundaries from the configured segmenter. */
	public static ExtractiveMinutesWriter extractive(LlmProperties properties) {
		return new ExtractiveMinutesWriter(properties.extractive(), TopicSegmenters.create(properties.topics()));
	}

}
