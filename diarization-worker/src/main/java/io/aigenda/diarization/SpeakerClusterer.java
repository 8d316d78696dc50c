package io.aigenda.diarization;

/** Groups embeddings by speaker. */
public interface SpeakerClusterer {

	/**
	 * One cluster index per embedding, from 0.
	 * @param weights seconds of speech each embedding stands for
	 * @param minSpeakers lower bound on clusters, or {@code null}
	 * @param maxSpeakers upper bound on clusters, or {@code null}
	 */
	int[] cluster(float[][] embeddings, double[] weights, Integer minSpeakers, Integer maxSpeakers);

}
