package io.aigenda.llm.minutes;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the llm-worker.
 *
 * @param engine which {@link MinutesWriter} writes the minutes; {@code extractive} works offline
 * @param extractive hyper-parameters of the extractive writer
 * @param httpTimeout timeout of each transcript download and minutes upload
 */
@ConfigurationProperties("aigenda.llm")
public record LlmProperties(@DefaultValue("extractive") String engine, @DefaultValue Extractive extractive,
		@DefaultValue("PT60S") Duration httpTimeout) {

	/** The same values Spring binds when nothing is configured, for use outside Spring. */
	public static LlmProperties defaults() {
		return new LlmProperties("extractive", Extractive.defaults(), Duration.ofSeconds(60));
	}

	/**
	 * Hyper-parameters of the extractive writer.
	 *
	 * @param pauseSeconds a silence longer than this between two words ends a sentence
	 * @param maxSentenceWords a sentence is cut after this many words when no punctuation comes
	 * @param summarySentences most sentences in the summary
	 * @param summaryMaxChars length budget of the summary
	 * @param topicBlockWords content words per block when looking for topic boundaries
	 * @param minTopicSeconds shortest topic; shorter ones are merged into a neighbour
	 * @param maxTopics most topics reported
	 * @param titleKeywords keywords in a topic title
	 */
	public record Extractive(@DefaultValue("0.7") double pauseSeconds, @DefaultValue("40") int maxSentenceWords,
			@DefaultValue("5") int summarySentences, @DefaultValue("800") int summaryMaxChars,
			@DefaultValue("60") int topicBlockWords, @DefaultValue("90") double minTopicSeconds,
			@DefaultValue("10") int maxTopics, @DefaultValue("3") int titleKeywords) {

		public static Extractive defaults() {
			return new Extractive(0.7, 40, 5, 800, 60, 90, 10, 3);
		}

	}

}
