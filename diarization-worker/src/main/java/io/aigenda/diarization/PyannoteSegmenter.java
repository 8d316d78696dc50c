package io.aigenda.diarization;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.aigenda.audio.AudioSource;

/**
 * Segmentation with a pyannote segmentation-3.0 ONNX model: 10 s chunks every
 * {@code segmentationStepSeconds}; per chunk the model gives, per frame (270 samples,
 * 16.9 ms), log probabilities of the 7 powerset classes (nobody, each of 3 local
 * speakers, each pair). Each frame takes its most likely class. Chunks overlap, so frame
 * decisions are aggregated over all chunks covering a frame with Hann weights (the model
 * is surest in a chunk's middle): a frame is speech, or overlap, when the weighted
 * majority says so. Local speakers are not the same across chunks; each local speaker's
 * single-speaker stretch in a chunk becomes a window to embed, and clustering links them,
 * as pyannote's pipeline does.
 */
final class PyannoteSegmenter implements SpeakerSegmenter, AutoCloseable {

	static final int CHUNK_SAMPLES = 160_000;

	static final int FRAME_STEP = 270;

	static final int RECEPTIVE_FIELD = 991;

	/** Local speakers of each powerset class, in pyannote's order. */
	static final int[][] POWERSET = { {}, { 0 }, { 1 }, { 2 }, { 0, 1 }, { 0, 2 }, { 1, 2 } };

	private static final int BATCH = 8;

	private static final double MIN_REGION_SECONDS = 0.1;

	private final OrtEnvironment environment = OrtEnvironment.getEnvironment();

	private final OrtSession session;

	private final String input;

	private final int stepSamples;

	private final double maxWindowSeconds;

	PyannoteSegmenter(String file, String device, double stepSeconds, double windowSeconds) {
		this.session = OnnxModels.open(file, device, "speaker segmentation");
		this.input = this.session.getInputNames().iterator().next();
		this.stepSamples = (int) Math.round(Math.min(10, Math.max(0.5, stepSeconds)) * 16_000);
		this.maxWindowSeconds = 2 * windowSeconds;
	}

	@Override
	public Segmentation segment(AudioSource audio) {
		if (audio.sampleRate() != 16_000) {
			throw new IllegalArgumentException("The segmentation model needs 16 kHz audio, got " + audio.sampleRate());
		}
		int length = Math.toIntExact(audio.length());
		List<Integer> starts = chunkStarts(length, this.stepSamples);
		int totalFrames = frameOf(length) + 1;
		Aggregate aggregate = new Aggregate(totalFrames);
		List<Stretch> stretches = new ArrayList<>();
		for (int b = 0; b < starts.size(); b += BATCH) {
			List<Integer> batch = starts.subList(b, Math.min(starts.size(), b + BATCH));
			float[][][] output = logProbabilities(audio, batch);
			for (int k = 0; k < batch.size(); k++) {
				int[] classes = decode(output[k]);
				int offset = batch.get(k) / FRAME_STEP;
				aggregate.add(classes, offset,
						batch.get(k) + CHUNK_SAMPLES > length ? frameOf(length - batch.get(k)) : classes.length);
				stretches.addAll(singleSpeakerStretches(classes, offset));
			}
		}
		List<Span> regions = aggregate.spans(aggregate.speech);
		List<Window> windows = windows(stretches, regions);
		return new Segmentation(windows, aggregate.spans(aggregate.overlap));
	}

	/**
	 * Chunk starts every step; the last chunk ends with the recording (or starts at 0).
	 */
	static List<Integer> chunkStarts(int samples, int step) {
		List<Integer> starts = new ArrayList<>();
		int last = Math.max(0, samples - CHUNK_SAMPLES);
		for (int s = 0; s < last; s += step) {
			starts.add(s);
		}
		starts.add(last);
		return starts;
	}

	/** Most likely powerset class of each frame. */
	static int[] decode(float[][] logProbabilities) {
		int[] classes = new int[logProbabilities.length];
		for (int f = 0; f < classes.length; f++) {
			int best = 0;
			for (int c = 1; c < logProbabilities[f].length; c++) {
				if (logProbabilities[f][c] > logProbabilities[f][best]) {
					best = c;
				}
			}
			classes[f] = best;
		}
		return classes;
	}

	/** Per local speaker, the runs of frames where they speak alone, in global frames. */
	static List<Stretch> singleSpeakerStretches(int[] classes, int offset) {
		List<Stretch> stretches = new ArrayList<>();
		int f = 0;
		while (f < classes.length) {
			int[] speakers = POWERSET[classes[f]];
			if (speakers.length != 1) {
				f++;
				continue;
			}
			int end = f;
			while (end < classes.length && classes[end] == classes[f]) {
				end++;
			}
			stretches.add(new Stretch(offset + f, offset + end));
			f = end;
		}
		return stretches;
	}

	private List<Window> windows(List<Stretch> stretches, List<Span> regions) {
		List<Window> windows = new ArrayList<>();
		boolean[] covered = new boolean[regions.size()];
		for (Stretch stretch : stretches) {
			double start = time(stretch.from());
			double end = time(stretch.to());
			for (int r = 0; r < regions.size(); r++) {
				Span region = regions.get(r);
				double from = Math.max(start, region.start());
				double to = Math.min(end, region.end());
				if (to - from < MIN_REGION_SECONDS) {
					continue;
				}
				covered[r] = true;
				int pieces = (int) Math.ceil((to - from) / this.maxWindowSeconds - 1e-9);
				double length = (to - from) / pieces;
				for (int p = 0; p < pieces; p++) {
					windows.add(new Window(from + p * length, from + (p + 1) * length, region.start(), region.end()));
				}
			}
		}
		for (int r = 0; r < regions.size(); r++) {
			if (!covered[r]) {
				Span region = regions.get(r);
				windows.add(new Window(region.start(), region.end(), region.start(), region.end()));
			}
		}
		windows.sort(Comparator.comparingDouble(Window::start));
		return windows;
	}

	/**
	 * The model's output, (chunks, frames, 7), for the 10 s chunks starting at
	 * {@code starts}.
	 */
	float[][][] logProbabilities(AudioSource audio, List<Integer> starts) {
		float[] batch = new float[starts.size() * CHUNK_SAMPLES];
		for (int k = 0; k < starts.size(); k++) {
			float[] chunk = audio.read(starts.get(k), CHUNK_SAMPLES).samples();
			System.arraycopy(chunk, 0, batch, k * CHUNK_SAMPLES, chunk.length);
		}
		long[] shape = { starts.size(), 1, CHUNK_SAMPLES };
		try (OnnxTensor tensor = OnnxTensor.createTensor(this.environment, FloatBuffer.wrap(batch), shape);
				OrtSession.Result result = this.session.run(Map.of(this.input, tensor))) {
			return (float[][][]) result.get(0).getValue();
		}
		catch (OrtException ex) {
			throw new IllegalStateException("The speaker segmentation model failed: " + ex.getMessage(), ex);
		}
	}

	/** The frame whose receptive field is centred nearest to {@code sample}. */
	static int frameOf(int sample) {
		return Math.max(0, (sample - RECEPTIVE_FIELD / 2) / FRAME_STEP);
	}

	/** Centre time of global frame {@code frame}. */
	static double time(int frame) {
		return (frame * (double) FRAME_STEP + RECEPTIVE_FIELD / 2.0) / 16_000;
	}

	@Override
	public void close() {
		try {
			this.session.close();
		}
		catch (OrtException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Frames {@code from..to)} of one local speaker speaking alone, in global frames. */
	record Stretch(int from, int to) {
	}

	/** Hann-weighted votes of all chunks on each global frame. */
	static final class Aggregate {

		final double[] speech;

		final double[] overlap;

		private final double[] weight;

		Aggregate(int frames) {
			this.speech = new double[frames];
			this.overlap = new double[frames];
			this.weight = new double[frames];
		}

		/**
		 * Adds one chunk's decisions for its first {@code valid} frames (the rest is
		 * padding).
		 */
		void add(int[] classes, int offset, int valid) {
			for (int f = 0; f < Math.min(valid, classes.length); f++) {
				int g = offset + f;
				if (g >= this.weight.length) {
					break;
				}
				double w = 1e-3 + Math.sin(Math.PI * (f + 0.5) / classes.length);
				this.weight[g] += w;
				int speakers = POWERSET[classes[f]].length;
				if (speakers >= 1) {
					this.speech[g] += w;
				}
				if (speakers >= 2) {
					this.overlap[g] += w;
				}
			}
		}

		/** Runs of frames where the weighted vote is over one half, as time spans. */
		List<Span> spans(double[] votes) {
			List<Span> spans = new ArrayList<>();
			int start = -1;
			for (int g = 0; g <= votes.length; g++) {
				boolean on = g < votes.length && this.weight[g] > 0 && votes[g] > this.weight[g] / 2;
				if (on && start < 0) {
					start = g;
				}
				else if (!on && start >= 0) {
					double from = time(start) - FRAME_STEP / 32_000.0;
					double to = time(g - 1) + FRAME_STEP / 32_000.0;
					if (to - from >= MIN_REGION_SECONDS) {
						spans.add(new Span(Math.max(0, from), to));
					}
					start = -1;
				}
			}
			return spans;
		}

	}

}
