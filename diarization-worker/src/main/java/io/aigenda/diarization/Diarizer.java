package io.aigenda.diarization;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import io.aigenda.audio.Audio;
import io.aigenda.audio.AudioDecoder;
import io.aigenda.audio.AudioDecoders;
import io.aigenda.audio.AudioSource;
import io.aigenda.audio.PcmFile;
import io.aigenda.audio.SileroVad;
import io.aigenda.audio.VadOptions;
import io.aigenda.contracts.DiarizationDocument;
import io.aigenda.contracts.SpeakerTurn;

/**
 * Who spoke when: segmentation, speaker embeddings, clustering and turn building. Usable
 * without Spring (the command line builds one with
 * {@link #create(DiarizationProperties)}); close it to release the voice activity model.
 */
public final class Diarizer implements AutoCloseable {

	private final AudioDecoder decoder;

	private final SileroVad vad;

	private final SpeakerSegmenter segmenter;

	private final SpeakerEmbedder embedder;

	private final SpeakerClusterer clusterer;

	private final TurnBuilder turns;

	private final SpeakerVoiceprints voiceprints;

	private final DiarizationProperties properties;

	/**
	 * The fixed scale of the embedder's windows: bundled for the default embedder, beside
	 * a pulled model when calibrated for it; null otherwise (then the speaker count keeps
	 * the cut of the tree).
	 */
	private final SpeakerCalibration calibration;

	private final String engine;

	private Diarizer(DiarizationProperties properties, AudioDecoder decoder, SileroVad vad) {
		this.properties = properties;
		this.decoder = decoder;
		this.vad = vad;
		DiarizationProperties.Models models = properties.models();
		this.segmenter = models.segmentationModel().isBlank() ? new VadWindowSegmenter(vad, properties.segmentation())
				: new PyannoteSegmenter(models.segmentationModel(), models.device(), models.segmentationStepSeconds(),
						properties.segmentation().windowSeconds());
		this.embedder = embedder(properties);
		this.calibration = SpeakerCalibration.forModels(models);
		this.engine = (models.segmentationModel().isBlank() ? "vad" : "pyannote") + "-"
				+ models.embedder().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-"
				+ properties.clustering().method().name().toLowerCase(java.util.Locale.ROOT);
		this.clusterer = new BoundedClusterer(switch (properties.clustering().method()) {
			case AGGLOMERATIVE -> new AgglomerativeClusterer(properties.clustering());
			case SPECTRAL -> new SpectralClusterer(properties.clustering());
		}, properties.clustering().maxWindows());
		this.turns = new TurnBuilder(properties.turns());
		this.voiceprints = new SpeakerVoiceprints(properties.embedding());
	}

	static SpeakerEmbedder embedder(DiarizationProperties properties) {
		DiarizationProperties.Models models = properties.models();
		return switch (models.embedder()) {
			case IVECTOR -> IvectorEmbedder.bundled(models.ivectorPosteriorScale());
			case MFCC -> new MfccStatisticsEmbedder(properties.embedding());
			case IVECTOR_MFCC -> new FusedEmbedder(IvectorEmbedder.bundled(models.ivectorPosteriorScale()),
					new MfccStatisticsEmbedder(properties.embedding()));
			case ONNX -> new OnnxSpeakerEmbedder(models.embeddingModel(), models.device());
			case TORCHSCRIPT -> new TorchScriptSpeakerEmbedder(models.embeddingModel());
		};
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
	 * Decodes and diarizes a recording in any format the decoder knows. The decoded
	 * samples go to a temporary file and are read a stretch at a time, so memory does not
	 * grow with the length of the meeting.
	 * @throws io.aigenda.audio.AudioDecodingException when the file is not audio it can
	 * read
	 */
	public DiarizationDocument diarize(Path file, Integer minSpeakers, Integer maxSpeakers) {
		DiarizationProperties.Channels channels = this.properties.channels();
		if (channels.perChannel()) {
			DiarizationDocument call = perChannel(ChannelSpeakers.stereoChannels(this.decoder, file, channels),
					minSpeakers);
			if (call != null) {
				return call;
			}
		}
		try (PcmFile audio = this.decoder.decodeToTemporaryFile(file)) {
			return diarize(audio, minSpeakers, maxSpeakers);
		}
	}

	public DiarizationDocument diarize(AudioSource audio, Integer minSpeakers, Integer maxSpeakers) {
		Embedded embedded = embed(audio);
		List<SpeakerTurn> result = turns(embedded, this.clusterer, this.properties.clustering(), minSpeakers,
				maxSpeakers);
		return document(audio.durationSeconds(), result, this.voiceprints.embed(audio, result));
	}

	/**
	 * A call with one speaker per channel, diarized by each channel's voice activity
	 * ({@link ChannelSpeakers}); each speaker's voiceprint comes from their own channel.
	 * Null when the channels are not one speaker each.
	 */
	private DiarizationDocument perChannel(List<Audio> channels, Integer minSpeakers) {
		DiarizationProperties.Channels options = this.properties.channels();
		ChannelSpeakers.Call call = ChannelSpeakers.turns(channels, this.vad, options.minSpeechSeconds(), minSpeakers);
		if (call == null) {
			return null;
		}
		List<SpeakerTurn> result = call.turns();
		java.util.Map<String, float[]> voiceprints = new java.util.LinkedHashMap<>();
		for (int c = 0; c < channels.size(); c++) {
			voiceprints.putAll(this.voiceprints.embed(channels.get(c), call.on(c)));
		}
		List<String> speakers = new ArrayList<>(
				new LinkedHashSet<>(result.stream().map(SpeakerTurn::speaker).toList()));
		return new DiarizationDocument(channels.get(0).durationSeconds(), "per-channel", speakers, result, voiceprints);
	}

	/**
	 * A recording's windows and their embeddings, before clustering: what
	 * {@link #cluster} needs to try other clustering settings without embedding the audio
	 * again.
	 */
	public record Embedded(double durationSeconds, SpeakerSegmenter.Segmentation segmentation, float[][] embeddings,
			float[][] calibrated) {

		/**
		 * How clearly the windows fall into two groups on the calibrated scale
		 * ({@link SpeakerCount#separation}); 0 without a calibrated scale.
		 */
		public double separation() {
			return (this.calibrated == null || this.calibrated.length == 0) ? 0
					: SpeakerCount.separation(this.calibrated);
		}

	}

	/** Segments and embeds a recording. */
	public Embedded embed(AudioSource audio) {
		SpeakerSegmenter.Segmentation segmentation = this.segmenter.segment(audio);
		List<SpeakerSegmenter.Window> windows = segmentation.windows();
		if (windows.isEmpty()) {
			return new Embedded(audio.durationSeconds(), segmentation, new float[0][], null);
		}
		float[][] raw = rawEmbeddings(audio, windows);
		float[][] calibrated = (this.calibration != null) ? this.calibration.apply(raw) : null;
		return new Embedded(audio.durationSeconds(), segmentation, this.embedder.normalise(raw), calibrated);
	}

	/**
	 * Clusters an embedded recording with other clustering settings (no voiceprints), as
	 * the evaluation's tuning does.
	 */
	public DiarizationDocument cluster(Embedded embedded, DiarizationProperties.Clustering clustering,
			Integer minSpeakers, Integer maxSpeakers) {
		SpeakerClusterer chosen = new BoundedClusterer(switch (clustering.method()) {
			case AGGLOMERATIVE -> new AgglomerativeClusterer(clustering);
			case SPECTRAL -> new SpectralClusterer(clustering);
		}, clustering.maxWindows());
		return document(embedded.durationSeconds(), turns(embedded, chosen, clustering, minSpeakers, maxSpeakers),
				java.util.Map.of());
	}

	private List<SpeakerTurn> turns(Embedded embedded, SpeakerClusterer chosen,
			DiarizationProperties.Clustering clustering, Integer minSpeakers, Integer maxSpeakers) {
		List<SpeakerSegmenter.Window> windows = embedded.segmentation().windows();
		if (windows.isEmpty()) {
			return List.of();
		}
		int[] labels = labels(windows, embedded.embeddings(), embedded.calibrated(), chosen, clustering, minSpeakers,
				maxSpeakers);
		return OverlapAssigner.addSecondSpeakers(this.turns.build(windows, labels), embedded.segmentation().overlaps());
	}

	private DiarizationDocument document(double duration, List<SpeakerTurn> result,
			java.util.Map<String, float[]> voiceprints) {
		List<String> speakers = new ArrayList<>(
				new LinkedHashSet<>(result.stream().map(SpeakerTurn::speaker).toList()));
		return new DiarizationDocument(duration, this.engine, speakers, result, voiceprints);
	}

	/**
	 * Raw embeddings of all windows, computed on stretches of at most
	 * {@link AudioBlocks#SECONDS} of audio; windows are ordered by start, so each stretch
	 * takes the next run of windows.
	 */
	private float[][] rawEmbeddings(AudioSource audio, List<SpeakerSegmenter.Window> windows) {
		if (AudioBlocks.whole(audio)) {
			return this.embedder.raw(AudioBlocks.all(audio), windows);
		}
		float[][] raw = new float[windows.size()][];
		int first = 0;
		while (first < windows.size()) {
			double from = Math.max(0, windows.get(first).start() - AudioBlocks.MARGIN);
			double to = windows.get(first).end();
			int last = first;
			while (last + 1 < windows.size()
					&& Math.max(to, windows.get(last + 1).end()) + AudioBlocks.MARGIN - from <= AudioBlocks.SECONDS) {
				last++;
				to = Math.max(to, windows.get(last).end());
			}
			Audio block = audio.read(from, to + AudioBlocks.MARGIN);
			List<SpeakerSegmenter.Window> shifted = new ArrayList<>(last - first + 1);
			for (int w = first; w <= last; w++) {
				SpeakerSegmenter.Window window = windows.get(w);
				shifted.add(new SpeakerSegmenter.Window(window.start() - from, window.end() - from,
						window.regionStart() - from, window.regionEnd() - from));
			}
			float[][] part = this.embedder.raw(block, shifted);
			System.arraycopy(part, 0, raw, first, part.length);
			first = last + 1;
		}
		return raw;
	}

	/**
	 * Clusters the windows long enough to carry a voice; each shorter one takes the label
	 * of the window nearest in time, as speakers rarely change within a fraction of a
	 * second.
	 */
	private int[] labels(List<SpeakerSegmenter.Window> windows, float[][] embeddings, float[][] calibrated,
			SpeakerClusterer chosen, DiarizationProperties.Clustering clustering, Integer minSpeakers,
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
		int[] clusterLabels = chosen.cluster(selected, weights, minSpeakers, maxSpeakers);
		if (calibrated != null) {
			float[][] picked = new float[clustered.size()][];
			for (int k = 0; k < clustered.size(); k++) {
				picked[k] = calibrated[clustered.get(k)];
			}
			clusterLabels = CalibratedMerge.merge(clusterLabels, picked, clustering.mergeThreshold(),
					(minSpeakers != null) ? minSpeakers : 1);
			clusterLabels = SpeakerCount.decide(clusterLabels, selected, weights, picked, clustering, minSpeakers,
					maxSpeakers);
		}
		List<SpeakerSegmenter.Window> clusteredWindows = clustered.stream().map(windows::get).toList();
		int[] smoothed = Resegmentation.smooth(clusterLabels, selected, clusteredWindows,
				clustering.resegmentationPenalty());
		if (minSpeakers == null || java.util.Arrays.stream(smoothed).distinct().count() >= minSpeakers) {
			clusterLabels = smoothed;
		}
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

	/**
	 * Names the segmenter, embedder and clustering in use, e.g.
	 * {@code vad-ivector-mfcc-agglomerative}.
	 */
	public String engine() {
		return this.engine;
	}

	@Override
	public void close() {
		this.vad.close();
		for (Object part : new Object[] { this.segmenter, this.embedder }) {
			if (part instanceof AutoCloseable closeable) {
				try {
					closeable.close();
				}
				catch (Exception ex) {
					throw new IllegalStateException("Cannot release " + part.getClass().getSimpleName(), ex);
				}
			}
		}
	}

}
