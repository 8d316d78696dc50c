package io.aigenda.llm.topics;

import java.nio.file.Path;
import java.util.List;

import io.aigenda.contracts.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the configured {@link TopicSegmenter}, falling back to the lexical one. */
public final class TopicSegmenters {

	private static final Logger log = LoggerFactory.getLogger(TopicSegmenters.class);

	private TopicSegmenters() {
	}

	/**
	 * The segmenter named by {@code options.segmenter()}; when the ONNX encoder cannot be
	 * loaded the lexical one, with a warning, so minutes are still written.
	 */
	public static TopicSegmenter create(TopicOptions options) {
		return switch (options.segmenter()) {
			case TopicOptions.CUES -> new CueTopicSegmenter(options);
			case TopicOptions.LEXICAL -> new LexicalTopicSegmenter(options);
			case TopicOptions.EMBEDDING -> {
				try {
					SentenceEncoder encoder = options.modelDirectory().isBlank() ? OnnxSentenceEncoder.builtIn()
							: OnnxSentenceEncoder.fromFolder(Path.of(options.modelDirectory()), options.queryPrefix());
					yield new LanguageAwareSegmenter(new EmbeddingTopicSegmenter(encoder, options),
							!options.modelDirectory().isBlank(), new LexicalTopicSegmenter(options));
				}
				catch (RuntimeException | LinkageError ex) {
					log.warn("Sentence encoder unavailable ({}); topics are found lexically", ex.getMessage());
					yield new LexicalTopicSegmenter(options);
				}
			}
			default -> throw new IllegalArgumentException("Unknown topic segmenter '" + options.segmenter()
					+ "' (aigenda.llm.topics.segmenter); available: cues, embedding, lexical");
		};
	}

	/**
	 * The built-in encoder knows English only; a Russian meeting goes to the lexical
	 * segmenter unless a multilingual encoder was configured.
	 */
	private record LanguageAwareSegmenter(EmbeddingTopicSegmenter embedding, boolean multilingual,
			LexicalTopicSegmenter lexical) implements TopicSegmenter {

		@Override
		public String name() {
			return TopicOptions.EMBEDDING;
		}

		@Override
		public List<Integer> boundaries(List<Utterance> utterances) {
			boolean fits = this.multilingual || Texts.language(utterances) != Language.RU;
			return fits ? this.embedding.boundaries(utterances) : this.lexical.boundaries(utterances);
		}

	}

}
