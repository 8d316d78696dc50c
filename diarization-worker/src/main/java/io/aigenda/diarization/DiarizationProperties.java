package io.aigenda.diarization;

import io.aigenda.audio.StereoChannels;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Hyper-parameters of the diarization pipeline, all explicit so that evaluation runs can
 * vary them. Each default is written once, in its {@code @DefaultValue}:
 * {@link #defaults()} (the CLI's {@code eval} and {@code bench}, tests) binds an empty
 * configuration, so it gets exactly what the worker gets when nothing is configured.
 *
 * @param vad voice activity detection that finds the speech to diarize
 * @param segmentation sliding windows inside speech
 * @param embedding the signal-processing speaker embedder
 * @param clustering agglomerative clustering of the windows
 * @param turns turn building from labelled windows
 * @param models which segmentation and embedding models run
 * @param channels recordings with one speaker per channel
 */
@ConfigurationProperties("aigenda.diarization")
public record DiarizationProperties(@DefaultValue Vad vad, @DefaultValue Segmentation segmentation,
		@DefaultValue Embedding embedding, @DefaultValue Clustering clustering, @DefaultValue Turns turns,
		@DefaultValue Models models, @DefaultValue Channels channels) {

	private static final DiarizationProperties DEFAULTS = new Binder().bindOrCreate("aigenda.diarization",
			DiarizationProperties.class);

	/**
	 * The values Spring binds when nothing is configured, for use outside Spring.
	 */
	public static DiarizationProperties defaults() {
		return DEFAULTS;
	}

	public DiarizationProperties withVad(Vad chosen) {
		return new DiarizationProperties(chosen, this.segmentation, this.embedding, this.clustering, this.turns,
				this.models, this.channels);
	}

	public DiarizationProperties withClustering(Clustering chosen) {
		return new DiarizationProperties(this.vad, this.segmentation, this.embedding, chosen, this.turns, this.models,
				this.channels);
	}

	public DiarizationProperties withChannels(Channels chosen) {
		return new DiarizationProperties(this.vad, this.segmentation, this.embedding, this.clustering, this.turns,
				this.models, chosen);
	}

	public DiarizationProperties withModels(Models chosen) {
		return new DiarizationProperties(this.vad, this.segmentation, this.embedding, this.clustering, this.turns,
				chosen, this.channels);
	}

	/**
	 * @param embedder the speaker embedder: {@code ivector-mfcc} (the offline default:
	 * i-vectors fused with spectral statistics), {@code ivector} (the trained Kaldi
	 * i-vector extractor in the jar), {@code mfcc} (spectral statistics, no model),
	 * {@code onnx} (a WeSpeaker-style ONNX model, e.g. {@code aigenda models pull
	 * wespeaker-voxceleb-resnet34}) or {@code torchscript} (the same as TorchScript, run
	 * by DJL's PyTorch engine)
	 * @param embeddingModel file of the ONNX or TorchScript embedding model
	 * @param segmentationModel file of a pyannote segmentation-3.0 ONNX model; empty:
	 * voice activity windows
	 * @param ivectorPosteriorScale scale of the UBM posteriors in i-vector statistics;
	 * Kaldi's online extractor uses 0.1 for whole utterances, short diarization windows
	 * need more
	 * @param device {@code cpu}, or {@code cuda} for ONNX Runtime's CUDA execution
	 * provider (needs the onnxruntime_gpu build on the class path and a GPU)
	 * @param segmentationStepSeconds step between the segmentation model's 10 s chunks
	 */
	public record Models(@DefaultValue("ivector-mfcc") EmbedderKind embedder, @DefaultValue("") String embeddingModel,
			@DefaultValue("") String segmentationModel, @DefaultValue("1.0") double ivectorPosteriorScale,
			@DefaultValue("cpu") String device, @DefaultValue("2.5") double segmentationStepSeconds) {

		public static Models defaults() {
			return DEFAULTS.models();
		}

		public Models withEmbedder(EmbedderKind kind, String file) {
			return new Models(kind, file, this.segmentationModel, this.ivectorPosteriorScale, this.device,
					this.segmentationStepSeconds);
		}

		public Models withSegmentation(String file) {
			return new Models(this.embedder, this.embeddingModel, file, this.ivectorPosteriorScale, this.device,
					this.segmentationStepSeconds);
		}

		public Models withPosteriorScale(double scale) {
			return new Models(this.embedder, this.embeddingModel, this.segmentationModel, scale, this.device,
					this.segmentationStepSeconds);
		}

		public enum EmbedderKind {

			IVECTOR, MFCC, IVECTOR_MFCC, ONNX, TORCHSCRIPT

		}

	}

	/**
	 * @param threshold speech probability above which a frame is speech
	 * @param minSpeechSeconds shorter speech is dropped
	 * @param minSilenceSeconds shorter silences do not split speech
	 * @param padSeconds added on both sides of each speech region: 0.15 s keeps word
	 * onsets and trailing syllables that Silero scores low, which is most of the missed
	 * speech in the references (held-out mixes: DER 15.7% -> 8.5% and 34.8% -> 28.8% from
	 * 0.03 s)
	 */
	public record Vad(@DefaultValue("0.5") double threshold, @DefaultValue("0.25") double minSpeechSeconds,
			@DefaultValue("0.1") double minSilenceSeconds, @DefaultValue("0.15") double padSeconds) {

		public Vad withPadSeconds(double seconds) {
			return new Vad(this.threshold, this.minSpeechSeconds, this.minSilenceSeconds, seconds);
		}

	}

	/**
	 * @param windowSeconds length of each embedding window
	 * @param hopSeconds step between windows
	 * @param minWindowSeconds speech shorter than this gets no window of its own and
	 * takes the label of the nearest window
	 */
	public record Segmentation(@DefaultValue("1.5") double windowSeconds, @DefaultValue("0.75") double hopSeconds,
			@DefaultValue("0.3") double minWindowSeconds) {
	}

	/**
	 * @param coefficients cepstral coefficients per frame, c0 (energy) excluded
	 * @param melBands mel filters
	 * @param frameMillis analysis frame
	 * @param hopMillis frame step
	 * @param preEmphasis first-order pre-emphasis coefficient
	 * @param lowHz lowest filter edge
	 * @param highHz highest filter edge
	 */
	public record Embedding(@DefaultValue("20") int coefficients, @DefaultValue("40") int melBands,
			@DefaultValue("25") int frameMillis, @DefaultValue("10") int hopMillis,
			@DefaultValue("0.97") double preEmphasis, @DefaultValue("40") double lowHz,
			@DefaultValue("7600") double highHz) {
	}

	/**
	 * @param threshold average-linkage cosine distance above which clusters are not
	 * merged. The embeddings are standardised per recording, so unrelated windows sit
	 * near 1. Chosen with {@code mergeThreshold} by leave-one-recording-out
	 * cross-validation ({@code aigenda eval diarization --synthetic --tune}) among the
	 * settings with which no real recording does worse than with the former default (1.1,
	 * no merge): every fold but one keeps 1.1 without a merge; {@link #calibrated()} is
	 * the finer cut with the calibrated merge
	 * @param maxSpeakers cap on speakers when the request gives none
	 * @param minSpeakerSeconds a cluster with less speech than this is folded into the
	 * nearest larger one (it is more often noise or laughter than a person)
	 * @param refineIterations passes that move each window to its nearest cluster
	 * centroid after the tree is cut
	 * @param method {@code agglomerative} (threshold) or {@code spectral} (eigengap
	 * speaker count)
	 * @param pruning spectral: fraction of each window's strongest affinities kept
	 * @param maxWindows most windows clustered together (the method holds a matrix of
	 * their distances); a longer meeting clusters an even sample of this many and assigns
	 * the rest to the nearest cluster, so memory stays the same however long it is (2,000
	 * windows is about 25 minutes of speech)
	 * @param mergeThreshold after the cut, two clusters whose centroids differ by less
	 * than this on the calibrated scale ({@link SpeakerCalibration}: squared distance per
	 * dimension of the whitened centroids less the window noise 1/n1 + 1/n2, about 0 for
	 * one speaker's windows anywhere) are one speaker; 0 (the default) turns the check
	 * off: at any threshold that joins one speaker's clusters it also joins the two
	 * people of AMI dev00 and dev01. The same number decides whether a recording has one
	 * speaker at all
	 * @param singleSpeakerSeparation default embedder: a recording whose windows separate
	 * into two groups less clearly than this on the calibrated scale
	 * ({@code SpeakerCount.separation}: about 3 for one voice, at least 7 for two people
	 * on the dev recordings) is one speaker, unless the request asks for more; 0 turns
	 * the test off. Leave-one-recording-out cross-validation
	 * ({@code aigenda eval diarization --synthetic --tune}) finds the same result
	 * anywhere from 4.0 to 6.5; 5.0 is the middle, away from both the single voices (3.5
	 * at most) and the AMI pairs (7.05 at least)
	 * @param countThreshold the finer cut of the speaker count estimate
	 * @param countMerge the calibrated merge threshold of the speaker count estimate: the
	 * finer cut's clusters are joined while closer than this on the calibrated scale
	 * @param countMargin the estimate replaces the cut's clusters when it finds at least
	 * this many more speakers (meetings of many people, which the cut joins) and nests in
	 * the cut ({@code countNesting}); 0 turns the estimate off. Leave-one-recording-out
	 * cross-validation ({@code aigenda eval diarization --synthetic --tune}) chooses 1
	 * @param countNesting the estimate is taken only when it refines the cut: at least
	 * this share of the windows lie in an estimated cluster whose windows mostly lie in
	 * their own cut cluster. The cut keeps two voices of one room apart; an estimate that
	 * mixes the cut's clusters (the pyannote call looped to 6 minutes: its two people
	 * joined in one cluster and repeated bits of each in four small ones: 0.68; the
	 * synthetic ten-person meetings score 0.87 to 0.98) is not a finer view of the same
	 * speakers, and is dropped. Cross-validation finds the same result from 0.7 to 0.85;
	 * 0.8 is the middle; 0 takes any estimate
	 * @param resegmentationPenalty after clustering, a Viterbi pass re-assigns the
	 * windows to the cluster centroids, paying this (in cosine distance) for each change
	 * of speaker between windows less than 1 s apart; 0 turns the pass off
	 * @param singleSpeakerDistance default embedder: a recording whose two groups of
	 * windows (as in {@code singleSpeakerSeparation}) lie closer than this on the
	 * calibrated scale ({@link CalibratedMerge#statistic}: squared distance of the group
	 * means per dimension less the window noise) is one speaker, however many windows it
	 * has. The separation grows with the number of windows, so on its own it splits a
	 * long monologue (the 60 s Russian reading looped to 6 minutes: separation 21,
	 * distance 0.13); the distance does not grow with length. Single voices lie at 0.07
	 * to 0.20, every recording of two or more people at 0.34 or more (the stereo call
	 * mixed down 0.34, AMI dev01 0.54); 0.27 is the middle; 0 turns the test off
	 */
	public record Clustering(@DefaultValue("1.1") double threshold, @DefaultValue("12") int maxSpeakers,
			@DefaultValue("2.0") double minSpeakerSeconds, @DefaultValue("2") int refineIterations,
			@DefaultValue("agglomerative") Method method, @DefaultValue("0.3") double pruning,
			@DefaultValue("2000") int maxWindows, @DefaultValue("0") double mergeThreshold,
			@DefaultValue("5.0") double singleSpeakerSeparation, @DefaultValue("0.7") double countThreshold,
			@DefaultValue("1.3") double countMerge, @DefaultValue("1") int countMargin,
			@DefaultValue("0") double resegmentationPenalty, @DefaultValue("0.27") double singleSpeakerDistance,
			@DefaultValue("0.8") double countNesting) {

		public Clustering {
			if (maxWindows < 100) {
				throw new IllegalArgumentException("aigenda.diarization.clustering.max-windows must be at least 100");
			}
		}

		public static Clustering defaults() {
			return DEFAULTS.clustering();
		}

		public Clustering withThreshold(double chosen) {
			return new Clustering(chosen, this.maxSpeakers, this.minSpeakerSeconds, this.refineIterations, this.method,
					this.pruning, this.maxWindows, this.mergeThreshold, this.singleSpeakerSeparation,
					this.countThreshold, this.countMerge, this.countMargin, this.resegmentationPenalty,
					this.singleSpeakerDistance, this.countNesting);
		}

		public Clustering withMethod(Method chosen) {
			return new Clustering(this.threshold, this.maxSpeakers, this.minSpeakerSeconds, this.refineIterations,
					chosen, this.pruning, this.maxWindows, this.mergeThreshold, this.singleSpeakerSeparation,
					this.countThreshold, this.countMerge, this.countMargin, this.resegmentationPenalty,
					this.singleSpeakerDistance, this.countNesting);
		}

		public Clustering withMaxWindows(int windows) {
			return new Clustering(this.threshold, this.maxSpeakers, this.minSpeakerSeconds, this.refineIterations,
					this.method, this.pruning, windows, this.mergeThreshold, this.singleSpeakerSeparation,
					this.countThreshold, this.countMerge, this.countMargin, this.resegmentationPenalty,
					this.singleSpeakerDistance, this.countNesting);
		}

		/**
		 * The single-speaker test and the speaker count estimate (see
		 * {@link SpeakerCount}).
		 */
		public Clustering withCount(double separation, double merge, int margin) {
			return new Clustering(this.threshold, this.maxSpeakers, this.minSpeakerSeconds, this.refineIterations,
					this.method, this.pruning, this.maxWindows, this.mergeThreshold, separation, this.countThreshold,
					merge, margin, this.resegmentationPenalty, this.singleSpeakerDistance, this.countNesting);
		}

		/**
		 * The single-speaker test's distance (see {@link SpeakerCount}); 0 turns it off.
		 */
		public Clustering withSingleSpeakerDistance(double distance) {
			return new Clustering(this.threshold, this.maxSpeakers, this.minSpeakerSeconds, this.refineIterations,
					this.method, this.pruning, this.maxWindows, this.mergeThreshold, this.singleSpeakerSeparation,
					this.countThreshold, this.countMerge, this.countMargin, this.resegmentationPenalty, distance,
					this.countNesting);
		}

		/**
		 * The share of windows the count estimate must leave in their cut's cluster (see
		 * {@link SpeakerCount}); 0 accepts any estimate.
		 */
		public Clustering withCountNesting(double share) {
			return new Clustering(this.threshold, this.maxSpeakers, this.minSpeakerSeconds, this.refineIterations,
					this.method, this.pruning, this.maxWindows, this.mergeThreshold, this.singleSpeakerSeparation,
					this.countThreshold, this.countMerge, this.countMargin, this.resegmentationPenalty,
					this.singleSpeakerDistance, share);
		}

		/** The resegmentation pass after clustering (see {@code Resegmentation}). */
		public Clustering withResegmentation(double penalty) {
			return new Clustering(this.threshold, this.maxSpeakers, this.minSpeakerSeconds, this.refineIterations,
					this.method, this.pruning, this.maxWindows, this.mergeThreshold, this.singleSpeakerSeparation,
					this.countThreshold, this.countMerge, this.countMargin, penalty, this.singleSpeakerDistance,
					this.countNesting);
		}

		public Clustering withMergeThreshold(double chosen) {
			return new Clustering(this.threshold, this.maxSpeakers, this.minSpeakerSeconds, this.refineIterations,
					this.method, this.pruning, this.maxWindows, chosen, this.singleSpeakerSeparation,
					this.countThreshold, this.countMerge, this.countMargin, this.resegmentationPenalty,
					this.singleSpeakerDistance, this.countNesting);
		}

		/**
		 * The clustering before calibrated scores: threshold 1.1, no calibrated merge, at
		 * most 10 speakers.
		 */
		public Clustering former() {
			return new Clustering(1.1, 10, this.minSpeakerSeconds, this.refineIterations, this.method, this.pruning,
					this.maxWindows, 0, 0, this.countThreshold, this.countMerge, 0, 0, 0, this.countNesting);
		}

		/**
		 * The calibrated speaker count as an option: the finer cut 0.7 and the calibrated
		 * merge at 1.3. It counts single-speaker recordings and many-speaker meetings
		 * built from single-speaker clips right, but joins the two people of real
		 * same-room meetings (AMI dev00, dev01), so it is not the default.
		 */
		public Clustering calibrated() {
			return withThreshold(0.7).withMergeThreshold(1.3)
				.withCount(0, this.countMerge, 0)
				.withSingleSpeakerDistance(0);
		}

		public enum Method {

			AGGLOMERATIVE, SPECTRAL

		}

	}

	/**
	 * @param minTurnSeconds a shorter turn between other speakers' turns is given to a
	 * neighbour
	 * @param mergeGapSeconds same-speaker turns closer than this become one turn
	 */
	public record Turns(@DefaultValue("0.5") double minTurnSeconds, @DefaultValue("0.5") double mergeGapSeconds) {
	}

	/**
	 * Recordings with one speaker per channel, told by the rule the ASR worker applies
	 * too ({@link StereoChannels}): these settings map onto its {@link #stereoCall()
	 * settings}, and their defaults are its defaults, so that both workers split the same
	 * recordings. The ASR worker has only {@code aigenda.asr.signal.split-stereo}: other
	 * values here give per-channel speakers to mixed-down words or the other way round,
	 * so they are for evaluation.
	 *
	 * @param perChannel diarize a two-channel recording (any container the decoder reads)
	 * whose channels carry one speaker each (a stereo call) by each channel's voice
	 * activity instead of clustering voices
	 * @param maxEnergyCorrelation channels whose loudness envelopes correlate less than
	 * this carry one speaker each: two room microphones or a copied channel score 0.89
	 * and above, the calls made from dev recordings 0.72 and below, the stereo call of
	 * eval-dev 0.22
	 * @param minSpeechSeconds each channel must be active at least this long, and a
	 * channel whose voice activity finds less speech has no speaker (a muted side picks
	 * up clicks)
	 * @param maxSeconds longer calls are mixed down and clustered as usual: both channels
	 * are held in memory
	 */
	public record Channels(@DefaultValue("true") boolean perChannel, @DefaultValue("0.8") double maxEnergyCorrelation,
			@DefaultValue("0.5") double minSpeechSeconds, @DefaultValue("1800") double maxSeconds) {

		/** The stereo call rule with these settings. */
		public StereoChannels.Settings stereoCall() {
			return new StereoChannels.Settings(this.perChannel, StereoChannels.Settings.DEFAULTS.frameSeconds(),
					this.maxEnergyCorrelation, this.minSpeechSeconds, this.maxSeconds);
		}

	}

}
