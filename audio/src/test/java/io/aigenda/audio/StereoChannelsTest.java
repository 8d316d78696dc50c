package io.aigenda.audio;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Telling a speaker per channel from one room in two channels, on real recordings: the
 * dev clip with one speaker per channel (they overlap for two seconds), and the pyannote
 * call put on both channels, as is and 12 samples (0.75 ms, a spaced microphone pair)
 * late on one side.
 */
class StereoChannelsTest {

	private final WavAudioDecoder decoder = new WavAudioDecoder();

	@Test
	void aSpeakerPerChannelIsToldApart() {
		List<Audio> channels = this.decoder
			.decodeChannels(EvalDev.file("diarization/more/faster-whisper_stereo/stereo_diarization.wav"));

		assertThat(channels).hasSize(2);
		StereoChannels.Layout layout = StereoChannels.analyse(channels.get(0), channels.get(1));
		assertThat(layout.envelopeCorrelation()).isLessThan(0.5);
		assertThat(layout.leftActiveSeconds()).isGreaterThan(layout.rightActiveSeconds());
		assertThat(layout.oneSpeakerPerChannel()).isTrue();
	}

	@Test
	void theSameRoomOnBothChannelsStaysOneMix() {
		Audio call = this.decoder.decode(EvalDev.file("diarization/pyannote_sample/sample.wav"));
		float[] late = new float[call.samples().length];
		System.arraycopy(call.samples(), 0, late, 12, late.length - 12);
		for (int i = 0; i < late.length; i++) {
			late[i] *= 0.7f;
		}

		assertThat(StereoChannels.analyse(call, call).oneSpeakerPerChannel()).isFalse();
		StereoChannels.Layout delayed = StereoChannels.analyse(call, new Audio(late, call.sampleRate()));
		assertThat(delayed.envelopeCorrelation()).isGreaterThan(0.9);
		assertThat(delayed.oneSpeakerPerChannel()).isFalse();
	}

	@Test
	void aSilentChannelIsNotASpeaker() {
		Audio call = this.decoder.decode(EvalDev.file("diarization/pyannote_sample/sample.wav"));
		Audio silent = new Audio(new float[call.samples().length], call.sampleRate());

		StereoChannels.Layout layout = StereoChannels.analyse(call, silent);

		assertThat(layout.rightActiveSeconds()).isZero();
		assertThat(layout.oneSpeakerPerChannel()).isFalse();
	}

	@Test
	void monoFilesHaveNoChannelsToSplit() {
		assertThat(this.decoder.decodeChannels(EvalDev.file("asr/en/jfk.wav"))).isEmpty();
	}

}
