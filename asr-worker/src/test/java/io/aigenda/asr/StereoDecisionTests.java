package io.aigenda.asr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
	void everyStereoCaseIsSplitAsTheDiarizationWorkerSplitsIt() throws Exception {
		AsrProperties.Signal signal = AsrProperties.defaults().signal();
		List<StereoCases.Case> cases = StereoCases.all();
		int calls = 0;
		for (StereoCases.Case c : cases) {
			Path file = c.writeWav(this.work);
			boolean split = !Transcriber.callChannels(DECODER, file, signal).isEmpty();
			assertThat(split).as(c.name())
				.isEqualTo(StereoChannels.Settings.DEFAULTS
					.oneSpeakerPerChannel(StereoChannels.analyse(c.left(), c.right())))
				.isEqualTo(c.call());
			calls += split ? 1 : 0;
			Files.delete(file);
		}
		assertThat(calls).isEqualTo(cases.stream().filter(StereoCases.Case::call).count());
	}

}
