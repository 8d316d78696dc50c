package io.aigenda.diarization;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import io.aigenda.audio.Audio;
import io.aigenda.audio.AudioDecoder;
import io.aigenda.audio.AudioDecoders;
import io.aigenda.audio.SileroVad;
import io.aigenda.audio.VadOptions;
import io.aigenda.contracts.DiarizationDocument;
import io.aigenda.contracts.SpeakerTurn;

/**
 * Who spoke when: segmentation, speaker embeddings, clustering and turn building. Usable without
 * Spring (the command line builds one with {@link #create(DiarizationProperties)}); close it to
 * release the voice activity model.
 */
public final class Diarizer implements AutoCloseable {

	public static final String ENGINE = "vad-mfcc-ahc";

	private final AudioDecoder decoder;

	private final SileroVad vad;

	private final SpeakerSegmenter segmenter;

	private final SpeakerEmbedder embedder;

	private final SpeakerClusterer clusterer;

	private final TurnBuilder turns;

	private final SpeakerVoiceprints voiceprints;

	private final DiarizationProperties properties;

	private Diarizer(DiarizationProperties properties, AudioDecoder decoder, SileroVad vad) {
		this.properties = properties;
		this.decoder = decoder;
		this.vad = vad;
		this.segmenter = new VadWindowSegmenter(vad, properties.segmentation());
		this.embedder = new MfccStatisticsEmbedder(properties.embedding());
		this.clusterer = switch (properties.clustering().method()) {
			case AGGLOMERATIVE -> new AgglomerativeClusterer(properties.clustering());
			case SPECTRAL -> new SpectralClusterer(properties.clustering());
		};
		this.turns = new TurnBuilder(properties.turns());
		this.voiceprints = new SpeakerVoiceprints(properties.embedding());
	}

	/** A diarizer with the bundled Silero VAD and the best available decoder. */
	public static Diarizer create(DiarizationProperties properties) {
		DiarizationProperties.Vad v = properties.vad();
		byte[] model = readModel();
		SileroVad vad = new SileroVad(model,
				new VadOptions(v.threshold(), v.minSpeechSeconds(), v.minSilenceSeconds(), v.padSeconds()));
		return new Diarizer(properties, AudioDecoders.detect(), vad);
	}

	public static Diarizer withDefaults() {
		return create(DiarizationProperties.defaults());
	}

	/**
	 * Decodes and diarizes a recording in any format the decoder knows.
	 * @throws io.aigenda.audio.AudioDecodingException when the file is not audio it can read
	 */
	public DiarizationDocument diarize(Path file, Integer minSpeakers, Integer maxSpeakers) {
		return diarize(this.decoder.decode(file), minSpeakers, maxSpeakers);
	}

	public DiarizationDocument diarize(Audio audio, Integer minSpeakers, Integer maxSpeakers) {
		List<SpeakerSegmenter.Window> windows = this.segmenter.segment(audio);
		List<SpeakerTurn> result = List.of();
		if (!windows.isEmpty()) {
			float[][] embeddings = this.embedder.embed(audio, windows);
			int[] labels = labels(windows, embeddings, minSpeakers, maxSpeakers);
			result = this.turns.build(windows, labels);
		}
		List<String> speakers = new ArrayList<>(new LinkedHashSet<>(result.stream().map(SpeakerTurn::speaker).toList()));
		return new DiarizationDocument(audio.durationSeconds(), ENGINE, speakers, result,
				this.voiceprints.embed(audio, result));
	}

	/**
	 * Clusters the windows long enough to carry a voice; each shorter one takes the label of the
	 * window nearest in time, as speakers rarely change within a fraction of a second.
	 */
	private int[] labels(List<SpeakerSegmenter.Window> windows, float[][] embeddings, Integer minSpeakers,
			Integer maxSpeakers) {
		double minWindow = this.properties.segmentation().minWindowSeconds();
		List<Integer> clustered = new ArrayList<>();
		for (int i = 0; i < windows.size(); i++) {
			if (windows.get(i).end() - windows.get(i).start() >= minWindow) {
				clustered.add(i);
			}
		}
		if (clustered.isEmpty()) {
			for (int i = 0; i < windows.size(); i++) {
				clustered.add(i);
			}
		}
		float[][] selected = new float[clustered.size()][];
		double[] weights = new double[clustered.size()];
		double hop = this.properties.segmentation().hopSeconds();
		for (int k = 0; k < clustered.size(); k++) {
			SpeakerSegmenter.Window w = windows.get(clustered.get(k));
			selected[k] = embeddings[clustered.get(k)];
			// overlapping windows: each stands for about one hop of new speech
			weights[k] = Math.min(hop, w.end() - w.start());
		}
		int[] clusterLabels = this.clusterer.cluster(selected, weights, minSpeakers, maxSpeakers);
		int[] labels = new int[windows.size()];
		java.util.Arrays.fill(labels, -1);
		for (int k = 0; k < clustered.size(); k++) {
			labels[clustered.get(k)] = clusterLabels[k];
		}
		for (int i = 0; i < windows.size(); i++) {
			if (labels[i] < 0) {
				int nearest = clustered.get(0);
				for (int j : clustered) {
					if (Math.abs(windows.get(j).center() - windows.get(i).center()) < Math
						.abs(windows.get(nearest).center() - windows.get(i).center())) {
						nearest = j;
					}
				}
				labels[i] = labels[nearest];
			}
		}
		return labels;
	}

	private static byte[] readModel() {
		try (var in = SileroVad.class.getResourceAsStream(SileroVad.MODEL_RESOURCE)) {
			return in.readAllBytes();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("Cannot read the bundled voice activity model", ex);
		}
	}

	@Override
	public void close() {
		this.vad.close();
	}

}
