package io.aigenda.diarization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import io.aigenda.audio.SileroVad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether ONNX Runtime can run models on the configured device
 * ({@code aigenda.diarization.models.device}), found once at start. A worker whose device
 * cannot run them (cuda without a GPU, without the CUDA libraries, or with ONNX Runtime's
 * CPU build) starts anyway, reports why in its readiness and takes no diarization
 * messages, so they wait in the queue for a worker that can run them instead of failing
 * there.
 *
 * @param name the device: {@code cpu} or {@code cuda}
 * @param problem why the device cannot run models, one line; {@code null} when it can
 */
record OnnxDevice(String name, String problem) {

	private static final Logger log = LoggerFactory.getLogger(OnnxDevice.class);

	/** Whether diarization can run here. */
	public boolean usable() {
		return this.problem == null;
	}

	/**
	 * Tries the device: for {@code cuda}, a session of the bundled voice activity model
	 * on ONNX Runtime's CUDA execution provider, which loads the provider's libraries
	 * (CUDA, cuDNN) and opens the GPU. A device that cannot run models is logged here,
	 * once.
	 * @throws IllegalArgumentException for a device that is neither cpu nor cuda
	 */
	static OnnxDevice probe(String device) {
		if ("cpu".equalsIgnoreCase(device)) {
			return new OnnxDevice("cpu", null);
		}
		if (!"cuda".equalsIgnoreCase(device)) {
			throw new IllegalArgumentException(
					"Unknown device " + device + " in aigenda.diarization.models.device: use cpu or cuda");
		}
		String cause = cudaProblem();
		if (cause == null) {
			log.info("Diarization runs on ONNX Runtime's CUDA execution provider");
			return new OnnxDevice("cuda", null);
		}
		String problem = "ONNX Runtime's CUDA execution provider is unavailable: " + cause
				+ "; diarizing on cuda needs the GPU image (aigenda/diarization-worker-gpu) on a machine with an NVIDIA"
				+ " GPU and driver, or set AIGENDA_DIARIZATION_DEVICE=cpu (aigenda.diarization.models.device)";
		log.error("Not ready, no diarization messages taken: {}", problem);
		return new OnnxDevice("cuda", problem);
	}

	/**
	 * The device as {@link #probe(String)} finds it, then the model files the settings
	 * name: a worker told to run pulled models that are not in its models folder is not
	 * ready either, and says which file to pull, instead of failing its start.
	 */
	static OnnxDevice probe(DiarizationProperties.Models models) {
		OnnxDevice device = probe(models.device());
		if (!device.usable()) {
			return device;
		}
		String missing = missingModel(models);
		if (missing == null) {
			return device;
		}
		log.error("Not ready, no diarization messages taken: {}", missing);
		return new OnnxDevice(device.name(), missing);
	}

	/**
	 * One line naming the first configured model file that is not there; null when all
	 * are.
	 */
	static String missingModel(DiarizationProperties.Models models) {
		boolean embedderFile = models.embedder() == DiarizationProperties.Models.EmbedderKind.ONNX
				|| models.embedder() == DiarizationProperties.Models.EmbedderKind.TORCHSCRIPT;
		if (embedderFile && models.embeddingModel().isBlank()) {
			return "The " + models.embedder().name().toLowerCase(Locale.ROOT)
					+ " embedder needs a model file: set AIGENDA_DIARIZATION_EMBEDDING_MODEL"
					+ " (aigenda.diarization.models.embedding-model)";
		}
		for (String file : embedderFile ? List.of(models.embeddingModel(), models.segmentationModel())
				: List.of(models.segmentationModel())) {
			if (!file.isBlank() && !Files.isRegularFile(Path.of(file))) {
				return "Model file " + file + " not found: pull it into the models folder (aigenda models pull "
						+ pullName(file) + ") or change aigenda.diarization.models";
			}
		}
		return null;
	}

	/** The models list's name for a file it installs (the file name without .onnx). */
	private static String pullName(String file) {
		String name = Path.of(file).getFileName().toString();
		name = name.endsWith(".onnx") ? name.substring(0, name.length() - 5) : name;
		return name.endsWith("-LM") ? name.substring(0, name.length() - 3) : name;
	}

	private static String cudaProblem() {
		try {
			// the CPU build's Java API answers only "Failed to find CUDA shared provider"
			if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
				return "this is ONNX Runtime's CPU build (com.microsoft.onnxruntime:onnxruntime), not onnxruntime_gpu";
			}
			// the environment first: it registers the logger that loading the CUDA
			// provider reports through (without it every failure reads "Attempt to use
			// DefaultLogger but none has been registered")
			OrtEnvironment environment = OrtEnvironment.getEnvironment();
			try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
				options.addCUDA(0);
				try (OrtSession session = environment.createSession(probeModel(), options)) {
					return null;
				}
			}
		}
		catch (OrtException | LinkageError ex) {
			// LinkageError: ONNX Runtime's own native library did not load (the image
			// lacks a shared library it needs)
			return oneLine(ex.getMessage()) + missingLibraries();
		}
	}

	/** ONNX Runtime's message says only "Failed to load shared library". */
	private static String missingLibraries() {
		List<String> missing = SharedLibraries.missing(SharedLibraries.CUDA_PROVIDER_NEEDS);
		return missing.isEmpty() ? ""
				: " (CUDA 12 and cuDNN 9 libraries not found: " + String.join(", ", missing) + ")";
	}

	private static byte[] probeModel() {
		try (InputStream in = SileroVad.class.getResourceAsStream(SileroVad.MODEL_RESOURCE)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the bundled voice activity model", ex);
		}
	}

	private static String oneLine(String message) {
		return (message != null) ? message.strip().replaceAll("\\s*\\R\\s*", " ") : "no reason given";
	}

}
