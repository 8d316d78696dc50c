package io.aigenda.asr;

import java.nio.file.Path;

import io.aigenda.audio.AudioDecoder;
import io.aigenda.audio.AudioDecoders;
import io.aigenda.audio.StereoCases;
import io.aigenda.audio.StereoChannels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transcriber recognises a stereo file channel by channel exactly when the shared
 * rule calls it a call, so exactly when the diarization worker gives it per-channel
 * speakers ({@code ChannelSpeakersTest} there), on every stereo file made from dev
 * recordings.
 */
class StereoDecisionTests {

	private static final AudioDecoder DECODER = AudioDecoders.detect();

	@TempDir
	Path work;

	@Test
	void theRuleIsTheOneTheDiarizationWorkerApplies() {
		assertThat(AsrProperties.defaults().signal().stereoCall()).isEqualTo(StereoChannels.Settings.DEFAULTS);
		assertThat(new AsrProperties.Signal(true, 1.5, 0, false).stereoCall().enabled()).isFalse();
	}

	@Test
	void stereoCasesAreSplitAsTheDiarizationWorkerSplitsThem() throws Exception {
		AsrProperties.Signal signal = AsrProperties.defaults().signal();
		StereoCases.checkEntryPoint(this.work, file -> !Transcriber.callChannels(DECODER, file, signal).isEmpty());
	}

}
