package io.aigenda.llm.topics;

import java.util.ArrayList;
import java.util.List;

/**
 * TextTiling on sentence embeddings: every utterance is embedded once, each side of a gap
 * is the word-weighted mean of its utterances' embeddings (so "yeah" and "mm-hmm" weigh
 * little), and the deepest valleys of the cosine similarity between the two sides become
 * boundaries.
 */
public final class EmbeddingTopicSegmenter implements TopicSegmenter {

	private final SentenceEncoder encoder;

	private final GapScoring scoring;

	public EmbeddingTopicSegmenter(SentenceEncoder encoder, TopicOptions options) {
		this.encoder = encoder;
		this.scoring = new GapScoring(options);
	}

	@Override
	public String name() {
		return TopicOptions.EMBEDDING;
	}

	@Override
	public List<Integer> boundaries(List<Utterance> utterances) {
		if (!this.scoring.longEnough(utterances)) {
			// too short for two topics: no need to run the encoder
			return List.of();
		}
		List<String> texts = new ArrayList<>();
		List<Integer> indexes = new ArrayList<>();
		for (int i = 0; i < utterances.size(); i++) {
			String text = Texts.clean(utterances.get(i).text());
			if (!text.isEmpty()) {
				texts.add(text);
				indexes.add(i);
			}
		}
		if (texts.isEmpty()) {
			return List.of();
		}
		List<float[]> encoded = this.encoder.encode(texts);
		int dimension = encoded.get(0).length;
		float[][] vectors = new float[utterances.size()][];
		for (int k = 0; k < indexes.size(); k++) {
			vectors[indexes.get(k)] = encoded.get(k);
		}
		double[] weights = new double[utterances.size()];
		for (int i = 0; i < weights.length; i++) {
			weights[i] = vectors[i] == null ? 0 : Math.max(1, utterances.get(i).wordCount());
		}
		return this.scoring.boundaries(utterances,
				(leftFrom, gap, rightTo) -> cosine(mean(vectors, weights, leftFrom, gap, dimension),
						mean(vectors, weights, gap, rightTo, dimension)));
	}

	private static double[] mean(float[][] vectors, double[] weights, int from, int to, int dimension) {
		double[] sum = new double[dimension];
		for (int i = from; i < to; i++) {
			if (vectors[i] != null) {
				for (int d = 0; d < dimension; d++) {
					sum[d] += weights[i] * vectors[i][d];
				}
			}
		}
		return sum;
	}

	static double cosine(double[] a, double[] b) {
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			na += a[i] * a[i];
			nb += b[i] * b[i];
		}
		return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
	}

}
