package io.aigenda.diarization;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The device check with the ONNX Runtime build on the test class path: the CPU build by
 * default; {@code ./mvnw -Pgpu verify -pl diarization-worker -Dtest=OnnxDeviceTest} runs
 * it with the CUDA build, which on a machine without CUDA names the missing libraries and
 * on a GPU machine with CUDA 12 and cuDNN 9 finds the device usable.
 */
class OnnxDeviceTest {

	private static final boolean CUDA_BUILD = OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);

	@Test
	void cpuRunsModels() {
		OnnxDevice device = OnnxDevice.probe("cpu");
		assertThat(device.usable()).isTrue();
		assertThat(device.problem()).isNull();
	}

	@Test
	void cudaWithTheCpuBuildSaysWhyInOneLine() {
		assumeFalse(CUDA_BUILD, "ONNX Runtime's CUDA build is on the class path");
		OnnxDevice device = OnnxDevice.probe("CUDA");
		assertThat(device.usable()).isFalse();
		assertThat(device.name()).isEqualTo("cuda");
		assertThat(device.problem())
			.startsWith("ONNX Runtime's CUDA execution provider is unavailable: this is ONNX Runtime's CPU build")
			.contains("aigenda/diarization-worker-gpu", "NVIDIA GPU", "AIGENDA_DIARIZATION_DEVICE=cpu")
			.doesNotContain("\n");
	}

	@Test
	void cudaBuildWithoutTheCudaLibrariesNamesThem() {
		List<String> missing = SharedLibraries.missing(SharedLibraries.CUDA_PROVIDER_NEEDS);
		assumeTrue(CUDA_BUILD && !missing.isEmpty(), "needs the CUDA build (-Pgpu) where CUDA is not installed");
		OnnxDevice device = OnnxDevice.probe("cuda");
		assertThat(device.usable()).isFalse();
		assertThat(device.problem()).startsWith("ONNX Runtime's CUDA execution provider is unavailable: ")
			.contains("CUDA 12 and cuDNN 9 libraries not found: " + String.join(", ", missing))
			.doesNotContain("\n");
	}

	@Test
	void cudaBuildOnAGpuWithCudaIsUsable() {
		assumeTrue(
				CUDA_BUILD && SharedLibraries.missing(SharedLibraries.CUDA_PROVIDER_NEEDS).isEmpty()
						&& Files.exists(Path.of("/dev/nvidia0")),
				"needs the CUDA build (-Pgpu), CUDA 12, cuDNN 9 and a GPU");
		OnnxDevice device = OnnxDevice.probe("cuda");
		assertThat(device.problem()).isNull();
		assertThat(device.usable()).isTrue();
	}

	@Test
	void unknownDeviceIsAConfigurationError() {
		assertThatIllegalArgumentException().isThrownBy(() -> OnnxDevice.probe("tpu"))
			.withMessage("Unknown device tpu in aigenda.diarization.models.device: use cpu or cuda");
	}

	/**
	 * Pulled models that are not in the models folder: not ready, naming the file and the
	 * pull command; the offline default needs no file.
	 */
	@Test
	void missingPulledModelsAreNamedWithTheirPullCommand(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		DiarizationProperties.Models defaults = DiarizationProperties.Models.defaults();
		assertThat(OnnxDevice.probe(defaults).usable()).isTrue();

		String embedding = dir.resolve("wespeaker-voxceleb-resnet34-LM.onnx").toString();
		DiarizationProperties.Models onnx = defaults.withEmbedder(DiarizationProperties.Models.EmbedderKind.ONNX,
				embedding);
		OnnxDevice missing = OnnxDevice.probe(onnx);
		assertThat(missing.usable()).isFalse();
		assertThat(missing.problem()).isEqualTo("Model file " + embedding
				+ " not found: pull it into the models folder (aigenda models pull wespeaker-voxceleb-resnet34)"
				+ " or change aigenda.diarization.models");

		Files.write(Path.of(embedding), new byte[] { 1 });
		assertThat(OnnxDevice.probe(onnx).usable()).isTrue();
		assertThat(OnnxDevice.missingModel(defaults.withEmbedder(DiarizationProperties.Models.EmbedderKind.ONNX, "")))
			.contains("needs a model file");
	}

}
