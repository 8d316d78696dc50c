package io.aigenda.llm.minutes;

import io.aigenda.llm.extractive.ExtractiveMinutesWriter;

/**
 * Builds the configured {@link MinutesWriter} outside Spring, for the command line; the worker
 * gets the same writer as a bean.
 */
public final class MinutesWriters {

	private MinutesWriters() {
	}

	public static MinutesWriter create(LlmProperties properties) {
		return switch (properties.engine()) {
			case ExtractiveMinutesWriter.ENGINE -> new ExtractiveMinutesWriter(properties.extractive());
			default -> throw new IllegalArgumentException("Unknown minutes engine '" + properties.engine()
					+ "' (aigenda.llm.engine); available: " + ExtractiveMinutesWriter.ENGINE);
		};
	}

	public static MinutesWriter extractive() {
		return create(LlmProperties.defaults());
	}

}
