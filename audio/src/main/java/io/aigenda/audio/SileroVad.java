package io.aigenda.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Silero VAD v6 through ONNX Runtime. The model (MIT, bundled in this jar) takes 512 new
 * samples at 16 kHz with the previous 64 as context and carries a recurrent state across
 * calls, giving one speech probability per 32 ms frame. Not thread-safe: one instance per
 * thread.
 */
public final class SileroVad implements VoiceActivityDetector, AutoCloseable {

	public static final String MODEL_RESOURCE = "/io/aigenda/audio/silero_vad.onnx";

	public static final int FRAME = 512;

	private static final int CONTEXT = 64;

	/** Frames read from the source at once (about 30 s). */
	private static final int BLOCK_FRAMES = 1024;

	private static final double FRAME_SECONDS = (double) FRAME / Audio.SAMPLE_RATE;

	private final OrtEnvironment environment = OrtEnvironment.getEnvironment();

	private final OrtSession session;

	private final VadOptions options;

	public SileroVad(byte[] model, VadOptions options) {
		this.options = options;
		try (OrtSession.SessionOptions sessionOptions = new OrtSession.SessionOptions()) {
			sessionOptions.setIntraOpNumThreads(1);
			sessionOptions.setInterOpNumThreads(1);
			this.session = this.environment.createSession(model, sessionOptions);
		}
		catch (OrtException ex) {
			throw new IllegalStateException("The Silero VAD model could not be loaded: " + ex.getMessage(), ex);
		}
	}

	/** The bundled model with default options. */
	public static SileroVad load() {
		try (InputStream in = SileroVad.class.getResourceAsStream(MODEL_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("The Silero VAD model is missing from the classpath");
			}
			return new SileroVad(in.readAllBytes(), VadOptions.DEFAULTS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static SileroVad load(Path model) {
		try {
			return new SileroVad(Files.readAllBytes(model), VadOptions.DEFAULTS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Speech probability of each 32 ms frame. */
	public float[] probabilities(AudioSource audio) {
		if (audio.sampleRate() != Audio.SAMPLE_RATE) {
			throw new IllegalArgumentException("Silero VAD needs 16 kHz audio, got " + audio.sampleRate());
		}
		long length = audio.length();
		int frames = Math.toIntExact((length + FRAME - 1) / FRAME);
		float[] probabilities = new float[frames];
		float[] state = new float[2 * 128];
		float[] input = new float[CONTEXT + FRAME];
		float[] samples = new float[0];
		long blockStart = 0;
		try (OnnxTensor rate = OnnxTensor.createTensor(this.environment, (long) Audio.SAMPLE_RATE)) {
			for (int f = 0; f < frames; f++) {
				long offset = (long) f * FRAME;
				if (offset >= blockStart + samples.length) {
					// a block of frames at a time: a long recording is never in memory
					// whole
					blockStart = offset;
					samples = audio.read(offset, BLOCK_FRAMES * FRAME).samples();
				}
				// Shift the last 64 samples of the previous window in as context.
				System.arraycopy(input, FRAME, input, 0, CONTEXT);
				int at = (int) (offset - blockStart);
				int available = Math.min(FRAME, samples.length - at);
				System.arraycopy(samples, at, input, CONTEXT, available);
				java.util.Arrays.fill(input, CONTEXT + available, CONTEXT + FRAME, 0f);
				try (OnnxTensor inputTensor = OnnxTensor.createTensor(this.environment, FloatBuffer.wrap(input),
						new long[] { 1, CONTEXT + FRAME });
						OnnxTensor stateTensor = OnnxTensor.createTensor(this.environment, FloatBuffer.wrap(state),
								new long[] { 2, 1, 128 });
						OrtSession.Result result = this.session
							.run(Map.of("input", inputTensor, "state", stateTensor, "sr", rate))) {
					probabilities[f] = ((float[][]) result.get(0).getValue())[0][0];
					FloatBuffer next = ((OnnxTensor) result.get(1)).getFloatBuffer();
					next.get(state);
				}
			}
		}
		catch (OrtException ex) {
			throw new IllegalStateException("Silero VAD inference failed: " + ex.getMessage(), ex);
		}
		return probabilities;
	}

	@Override
	public List<SpeechRegion> detect(AudioSource audio) {
		return regions(probabilities(audio), audio.durationSeconds(), this.options);
	}

	/**
	 * Hysteresis over frame probabilities: a region starts above the threshold and ends
	 * only after the probability stays below {@code threshold - 0.15} for the minimum
	 * silence.
	 */
	static List<SpeechRegion> regions(float[] probabilities, double totalSeconds, VadOptions options) {
		List<SpeechRegion> raw = new ArrayList<>();
		double negative = Math.max(0.01, options.threshold() - 0.15);
		int silenceFrames = (int) Math.ceil(options.minSilenceSeconds() / FRAME_SECONDS);
		int start = -1;
		int lastSpeech = -1;
		for (int f = 0; f < probabilities.length; f++) {
			float p = probabilities[f];
			if (p >= options.threshold()) {
				if (start < 0) {
					start = f;
				}
				lastSpeech = f;
			}
			else if (start >= 0 && p < negative && f - lastSpeech >= silenceFrames) {
				raw.add(new SpeechRegion(start * FRAME_SECONDS, (lastSpeech + 1) * FRAME_SECONDS));
				start = -1;
			}
		}
		if (start >= 0) {
			raw.add(new SpeechRegion(start * FRAME_SECONDS, (lastSpeech + 1) * FRAME_SECONDS));
		}
		List<SpeechRegion> regions = new ArrayList<>();
		for (SpeechRegion region : raw) {
			if (region.duration() < options.minSpeechSeconds()) {
				continue;
			}
			double from = Math.max(0, region.start() - options.padSeconds());
			double to = Math.min(totalSeconds, region.end() + options.padSeconds());
			if (!regions.isEmpty() && from <= regions.getLast().end()) {
				regions.set(regions.size() - 1, new SpeechRegion(regions.getLast().start(), to));
			}
			else {
				regions.add(new SpeechRegion(from, to));
			}
		}
		return regions;
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

}
