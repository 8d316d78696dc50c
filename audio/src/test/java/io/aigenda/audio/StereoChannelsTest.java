package io.aigenda.audio;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Telling a speaker per channel from one room in two channels, on real recordings: the
 * dev clip with one speaker per channel (they overlap for two seconds), and the pyannote
 * call put on both channels, as is and 12 samples (0.75 ms, a spaced microphone pair)
 * late on one side. The decision is the same whichever decoder reads the file, and in any
 * container ffmpeg reads.
 */
class StereoChannelsTest {

	private static final StereoChannels.Settings RULE = StereoChannels.Settings.DEFAULTS;

	private static final Path CALL = EvalDev.file("diarization/more/faster-whisper_stereo/stereo_diarization.wav");

	private final WavAudioDecoder decoder = new WavAudioDecoder();

	@TempDir
	Path work;

	@Test
	void aSpeakerPerChannelIsToldApart() {
		List<Audio> channels = this.decoder.decodeChannels(CALL);

		assertThat(channels).hasSize(2);
		StereoChannels.Layout layout = StereoChannels.analyse(channels.get(0), channels.get(1));
		assertThat(layout.envelopeCorrelation()).isLessThan(RULE.maxCorrelation());
		assertThat(layout.leftActiveSeconds()).isGreaterThan(layout.rightActiveSeconds());
		assertThat(RULE.oneSpeakerPerChannel(layout)).isTrue();
		assertThat(StereoChannels.callChannels(this.decoder, CALL, RULE)).isEqualTo(channels);
	}

	@Test
	void everyDecoderAndContainerGivesTheSameDecision() throws Exception {
		Path flac = this.work.resolve("call.flac");
		Path opus = this.work.resolve("call.opus");
		ffmpeg(CALL, flac);
		ffmpeg(CALL, opus);
		FfmpegAudioDecoder ffmpeg = new FfmpegAudioDecoder();

		assertThat(StereoChannels.callChannels(ffmpeg, CALL, RULE)).hasSize(2);
		assertThat(StereoChannels.callChannels(ffmpeg, flac, RULE)).hasSize(2);
		assertThat(StereoChannels.callChannels(ffmpeg, opus, RULE)).hasSize(2);
		// the lossy codec moves the loudness a little, not the decision
		List<Audio> lossy = ffmpeg.decodeChannels(opus);
		assertThat(StereoChannels.analyse(lossy.get(0), lossy.get(1)).envelopeCorrelation())
			.isLessThan(RULE.maxCorrelation() - 0.1);
	}

	@Test
	void aCallLongerThanTheLimitOrTurnedOffIsMixedDown() {
		StereoChannels.Settings short4 = RULE.withMaxSeconds(4);

		assertThat(StereoChannels.callChannels(this.decoder, CALL, short4)).isEmpty();
		assertThat(StereoChannels.callChannels(new FfmpegAudioDecoder(), CALL, short4)).isEmpty();
		assertThat(StereoChannels.callChannels(this.decoder, CALL, RULE.withEnabled(false))).isEmpty();
		// the decoder stops a second past the limit rather than holding the whole file
		assertThat(new WavAudioDecoder().decodeChannels(CALL, 3)).isEmpty();
		assertThat(new WavAudioDecoder().decodeChannels(CALL, 6)).hasSize(2);
	}

	@Test
	void theSameRoomOnBothChannelsStaysOneMix() {
		Audio call = this.decoder.decode(EvalDev.file("diarization/pyannote_sample/sample.wav"));
		float[] late = new float[call.samples().length];
		System.arraycopy(call.samples(), 0, late, 12, late.length - 12);
		for (int i = 0; i < late.length; i++) {
			late[i] *= 0.7f;
		}

		assertThat(RULE.oneSpeakerPerChannel(StereoChannels.analyse(call, call))).isFalse();
		StereoChannels.Layout delayed = StereoChannels.analyse(call, new Audio(late, call.sampleRate()));
		assertThat(delayed.envelopeCorrelation()).isGreaterThan(0.9);
		assertThat(RULE.oneSpeakerPerChannel(delayed)).isFalse();
	}

	@Test
	void aSilentChannelIsNotASpeaker() {
		Audio call = this.decoder.decode(EvalDev.file("diarization/pyannote_sample/sample.wav"));
		Audio silent = new Audio(new float[call.samples().length], call.sampleRate());

		StereoChannels.Layout layout = StereoChannels.analyse(call, silent);

		assertThat(layout.rightActiveSeconds()).isZero();
		assertThat(RULE.oneSpeakerPerChannel(layout)).isFalse();
	}

	@Test
	void monoFilesHaveNoChannelsToSplit() {
		Path mono = EvalDev.file("asr/en/jfk.wav");
		assertThat(this.decoder.decodeChannels(mono)).isEmpty();
		assertThat(StereoChannels.callChannels(this.decoder, mono, RULE)).isEmpty();
		assertThat(StereoChannels.callChannels(new FfmpegAudioDecoder(), mono, RULE)).isEmpty();
	}

	@Test
	void impossibleSettingsAreRefusedInOneLine() {
		assertThatThrownBy(() -> RULE.withMaxCorrelation(1.5))
			.hasMessage("The stereo channel correlation threshold must be above -1 and at most 1, not 1.5");
	}

	@Test
	void theListingsDurationIsRead() {
		assertThat(FfmpegAudioDecoder.duration("  Duration: 01:02:03.50, start: 0.000000, bitrate: 256 kb/s"))
			.isEqualTo(3723.5);
		assertThat(FfmpegAudioDecoder.duration("  Duration: N/A, bitrate: N/A")).isZero();
	}

	private static void ffmpeg(Path from, Path to) throws Exception {
		Process process = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", from.toString(),
				to.toString())
			.inheritIO()
			.start();
		assertThat(process.waitFor()).isZero();
	}

}
