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
 * @param chunkWords most words in one indexed chunk; topic blocks are cut at speaker
 * turns
 * @param minScore weakest cosine similarity a hit may have
 */
@ConfigurationProperties("aigenda.search")
public record SearchProperties(@DefaultValue("true") boolean enabled, @DefaultValue("") String modelDirectory,
		@DefaultValue("") String queryPrefix, @DefaultValue("") String passagePrefix,
		@DefaultValue("120") int chunkWords, @DefaultValue("0.2") double minScore) {

	public static SearchProperties defaults() {
		return new SearchProperties(true, "", "", "", 120, 0.2);
	}

}
