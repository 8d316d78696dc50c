package io.aigenda.mlcontroller.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Semantic search over meeting text.
 *
 * @param enabled index each meeting's text when its minutes are written
 * @param modelDirectory folder with {@code model.onnx} and {@code tokenizer.json} of a
 * sentence encoder (multilingual-e5 for Russian); empty for the built-in all-MiniLM-L6-v2
 * (English)
 * @param queryPrefix put before a question ("query: " for e5)
 * @param passagePrefix put before an indexed chunk ("passage: " for e5)
 * @param chunkWords most words in one indexed sentence; sentences also end at
 * punctuation, speaker changes and pauses
 * @param minScore weakest cosine similarity a candidate may have
 * @param lexicalWeight weight of the share of the question's words a sentence contains,
 * added to the cosine similarity
 * @param answerScore weakest score of the best sentence for a question to be answered;
 * below it the meeting has nothing that answers
 */
@ConfigurationProperties("aigenda.search")
public record SearchProperties(@DefaultValue("true") boolean enabled, @DefaultValue("") String modelDirectory,
		@DefaultValue("") String queryPrefix, @DefaultValue("") String passagePrefix,
		@DefaultValue("30") int chunkWords, @DefaultValue("0.05") double minScore,
		@DefaultValue("0.3") double lexicalWeight, @DefaultValue("0.49") double answerScore) {

	public static SearchProperties defaults() {
		return new SearchProperties(true, "", "", "", 30, 0.05, 0.3, 0.49);
	}

}
