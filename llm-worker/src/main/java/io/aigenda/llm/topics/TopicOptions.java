package io.aigenda.llm.topics;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Hyper-parameters shared by the topic segmenters.
 *
 * @param segmenter {@code cues} (discourse cues and the meeting's opening),
 * {@code embedding} (ONNX sentence encoder, lexical when it cannot load) or
 * {@code lexical}
 * @param modelDirectory folder with {@code model.onnx} and {@code tokenizer.json} of any
 * BERT-like sentence encoder (multilingual-e5, ...); empty for the all-MiniLM-L6-v2
 * (quantised) that ships with the build
 * @param queryPrefix text put before every utterance for encoders trained with one
 * ("passage: " for e5), empty otherwise
 * @param windowWords words on each side of a gap that are compared
 * @param smoothing neighbours on each side averaged into a gap's similarity
 * @param cutoffStd a valley is a boundary when its depth exceeds mean + this many
 * standard deviations of all depths
 * @param minBlockWords fewest words in a topic (400: about three minutes of speech)
 * @param minBlockSeconds shortest topic in seconds, where the utterances have times
 * @param maxTopics most topics
 * @param wordsPerTopic when above 0, the number of topics is the meeting's words divided
 * by this (between {@code minTopics} and {@code maxTopics}) and the deepest valleys
 * become the boundaries, whatever {@code cutoffStd} says; 0 keeps the cut-off alone
 * @param minTopics fewest topics in a meeting long enough for two
 * @param openingShare for the {@code cues} segmenter: share of the meeting's words after
 * which its opening (greetings, agenda, review of the last meeting, petitions) is taken
 * to end; 0 places no opening boundary
 * @param minTopicShare for the {@code cues} segmenter: fewest words in a topic, as a
 * share of the meeting's words
 */
public record TopicOptions(@DefaultValue("cues") String segmenter, @DefaultValue("") String modelDirectory,
		@DefaultValue("") String queryPrefix, @DefaultValue("200") int windowWords, @DefaultValue("1") int smoothing,
		@DefaultValue("0.5") double cutoffStd, @DefaultValue("800") int minBlockWords,
		@DefaultValue("90") double minBlockSeconds, @DefaultValue("6") int maxTopics,
		@DefaultValue("6000") int wordsPerTopic, @DefaultValue("2") int minTopics,
		@DefaultValue("0.08") double openingShare, @DefaultValue("0.05") double minTopicShare) {

	public static final String EMBEDDING = "embedding";

	public static final String LEXICAL = "lexical";

	public static final String CUES = "cues";

	/**
	 * Chosen by leave-one-meeting-out cross-validation over the dev meetings (the same
	 * values on every fold).
	 */
	public static final double DEFAULT_OPENING_SHARE = 0.08;

	public static final double DEFAULT_MIN_TOPIC_SHARE = 0.05;

	/** Chosen by leave-one-meeting-out cross-validation over the dev meetings. */
	public static final int DEFAULT_WORDS_PER_TOPIC = 6000;

	public static final int DEFAULT_MIN_BLOCK_WORDS = 800;

	public TopicOptions {
		windowWords = Math.max(10, windowWords);
		smoothing = Math.max(0, smoothing);
		minBlockWords = Math.max(1, minBlockWords);
		maxTopics = Math.max(1, maxTopics);
		wordsPerTopic = Math.max(0, wordsPerTopic);
		minTopics = Math.max(1, Math.min(minTopics, maxTopics));
		openingShare = Math.max(0, Math.min(0.5, openingShare));
		minTopicShare = Math.max(0, Math.min(0.5, minTopicShare));
	}

	public static TopicOptions defaults() {
		return new TopicOptions(CUES, "", "", 200, 1, 0.5, DEFAULT_MIN_BLOCK_WORDS, 90, 6, DEFAULT_WORDS_PER_TOPIC, 2,
				DEFAULT_OPENING_SHARE, DEFAULT_MIN_TOPIC_SHARE);
	}

	public TopicOptions withSegmenter(String name) {
		return new TopicOptions(name, this.modelDirectory, this.queryPrefix, this.windowWords, this.smoothing,
				this.cutoffStd, this.minBlockWords, this.minBlockSeconds, this.maxTopics, this.wordsPerTopic,
				this.minTopics, this.openingShare, this.minTopicShare);
	}

	/** The same options with the topic count and minimum length given. */
	public TopicOptions withCount(int words, int minWords) {
		return new TopicOptions(this.segmenter, this.modelDirectory, this.queryPrefix, this.windowWords, this.smoothing,
				this.cutoffStd, minWords, this.minBlockSeconds, this.maxTopics, words, this.minTopics,
				this.openingShare, this.minTopicShare);
	}

	/** The same options with the cue segmenter's opening and minimum topic shares. */
	public TopicOptions withShares(double opening, double minTopic) {
		return new TopicOptions(this.segmenter, this.modelDirectory, this.queryPrefix, this.windowWords, this.smoothing,
				this.cutoffStd, this.minBlockWords, this.minBlockSeconds, this.maxTopics, this.wordsPerTopic,
				this.minTopics, opening, minTopic);
	}

	/** The cut-off alone decides, as before the topic count was calibrated. */
	public TopicOptions uncalibrated() {
		return new TopicOptions(this.segmenter, this.modelDirectory, this.queryPrefix, this.windowWords, this.smoothing,
				this.cutoffStd, 400, this.minBlockSeconds, 10, 0, 1, this.openingShare, this.minTopicShare);
	}

}
