package io.aigenda.diarization;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The device check on this machine: no GPU, and the tests carry ONNX Runtime's CPU build.
 */
class OnnxDeviceTest {

	@Test
	void cpuRunsModels() {
		OnnxDevice device = OnnxDevice.probe("cpu");
		assertThat(device.usable()).isTrue();
		assertThat(device.problem()).isNull();
	}

	@Test
	void cudaWithTheCpuBuildSaysWhyInOneLine() {
		OnnxDevice device = OnnxDevice.probe("CUDA");
		assertThat(device.usable()).isFalse();
		assertThat(device.name()).isEqualTo("cuda");
		assertThat(device.problem())
			.startsWith("ONNX Runtime's CUDA execution provider is unavailable: this is ONNX Runtime's CPU build")
			.contains("aigenda/diarization-worker-gpu", "NVIDIA GPU", "AIGENDA_DIARIZATION_DEVICE=cpu")
			.doesNotContain("\n");
	}

	@Test
	void unknownDeviceIsAConfigurationError() {
		assertThatIllegalArgumentException().isThrownBy(() -> OnnxDevice.probe("tpu"))
			.withMessage("Unknown device tpu in aigenda.diarization.models.device: use cpu or cuda");
	}

}
