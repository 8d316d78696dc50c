package io.aigenda.llm.minutes;

import io.aigenda.llm.extractive.ExtractiveMinutesWriter;
import io.aigenda.llm.generative.ChatModel;
import io.aigenda.llm.generative.LlamaChatModel;
import io.aigenda.llm.generative.LlmMinutesWriter;
import io.aigenda.llm.generative.OpenAiChatModel;
import io.aigenda.llm.topics.TopicSegmenter;
import io.aigenda.llm.topics.TopicSegmenters;

/**
 * Builds the configured {@link MinutesWriter} outside Spring, for the command line; the
 * worker gets the same writer as a bean.
 */
public final class MinutesWriters {

	/**
	 * The engine that writes with a pulled or configured GGUF model when there is one,
	 * and extractively otherwise.
	 */
	public static final String AUTO = "auto";

	private MinutesWriters() {
	}

	public static MinutesWriter create(LlmProperties properties) {
		return switch (properties.engine()) {
			case AUTO -> LlamaChatModel.find(properties.llama()).isPresent()
					? create(properties.withEngine(LlamaChatModel.ENGINE)) : extractive(properties);
			case ExtractiveMinutesWriter.ENGINE -> extractive(properties);
			case OpenAiChatModel.ENGINE ->
				generative(new OpenAiChatModel(properties.openai()), properties, properties.openai().maxTokens());
			case LlamaChatModel.ENGINE -> generative(new LlamaChatModel(properties.llama(), properties.contextTokens()),
					properties, properties.llama().maxTokens());
			default -> throw new IllegalArgumentException("Unknown minutes engine '" + properties.engine()
					+ "' (aigenda.llm.engine); available: auto, extractive, openai, llama");
		};
	}

	public static MinutesWriter extractive() {
		return extractive(LlmProperties.defaults());
	}

	private static MinutesWriter generative(ChatModel model, LlmProperties properties, int answerTokens) {
		TopicSegmenter topics = TopicSegmenters.create(properties.topics());
		return new LlmMinutesWriter(model, new ExtractiveMinutesWriter(properties.extractive(), topics), topics,
				properties.contextTokens(), answerTokens);
	}

	/** The offline writer, with topic boundaries from the configured segmenter. */
	public static ExtractiveMinutesWriter extractive(LlmProperties properties) {
		return new ExtractiveMinutesWriter(properties.extractive(), TopicSegmenters.create(properties.topics()));
	}

}
