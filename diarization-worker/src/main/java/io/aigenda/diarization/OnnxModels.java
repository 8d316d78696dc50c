package io.aigenda.diarization;

import java.nio.file.Files;
import java.nio.file.Path;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/** Opens ONNX models on the configured device, with errors that say what to fix. */
final class OnnxModels {

	private OnnxModels() {
	}

	static OrtSession open(String file, String device, String what) {
		Path path = Path.of(file);
		if (!Files.isRegularFile(path)) {
			throw new IllegalArgumentException(
					"The " + what + " model " + file + " does not exist (download it with: aigenda models pull NAME)");
		}
		try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
			options.setIntraOpNumThreads(Math.max(1, Runtime.getRuntime().availableProcessors()));
			if ("cuda".equalsIgnoreCase(device)) {
				try {
					options.addCUDA(0);
				}
				catch (OrtException | UnsatisfiedLinkError ex) {
					throw new IllegalStateException(
							"ONNX Runtime has no CUDA execution provider here (put the "
									+ "onnxruntime_gpu build on the class path and install CUDA): " + ex.getMessage(),
							ex);
				}
			}
			else if (!"cpu".equalsIgnoreCase(device)) {
				throw new IllegalArgumentException("Unknown device " + device + ": use cpu or cuda");
			}
			return OrtEnvironment.getEnvironment().createSession(path.toString(), options);
		}
		catch (OrtException ex) {
			throw new IllegalArgumentException("Cannot load the " + what + " model " + file + ": " + ex.getMessage(),
					ex);
		}
	}

}
