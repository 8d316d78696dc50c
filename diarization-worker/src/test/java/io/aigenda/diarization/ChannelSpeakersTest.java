package io.aigenda.diarization;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.aigenda.audio.Audio;
import io.aigenda.audio.AudioDecoder;
import io.aigenda.audio.AudioDecoders;
import io.aigenda.audio.StereoCases;
import io.aigenda.audio.StereoChannels;
import io.aigenda.contracts.DiarizationDocument;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.diarization.eval.DerResult;
import io.aigenda.diarization.eval.DiarizationErrorRate;
import io.aigenda.diarization.eval.RttmFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stereo calls with one speaker per channel are diarized by channel, in any container
 * ffmpeg reads; a voice copied to both channels, or two room microphones, are not.
 */
class ChannelSpeakersTest {

	private static final Path DATA = Path.of(System.getProperty("aigenda.shared"), "eval-dev");

	private static final Path CALL = DATA.resolve("diarization/more/faster-whisper_stereo/stereo_diarization.wav");

	private static final AudioDecoder DECODER = AudioDecoders.detect();

	private static final DiarizationProperties.Channels DEFAULTS = DiarizationProperties.defaults().channels();

	private static Diarizer diarizer;

	@TempDir
	static Path work;

	@BeforeAll
	static void load() {
		diarizer = Diarizer.withDefaults();
	}

	@AfterAll
	static void close() {
		diarizer.close();
	}

	@Test
	void aStereoCallIsDiarizedByChannel() {
		List<Audio> channels = ChannelSpeakers.stereoChannels(DECODER, CALL, DEFAULTS);
		assertThat(channels).hasSize(2);
		assertThat(StereoChannels.analyse(channels.get(0), channels.get(1)).envelopeCorrelation())
			.isLessThan(DEFAULTS.maxEnergyCorrelation());

		DiarizationDocument document = diarizer.diarize(CALL, null, null);
		System.out.println("stereo call: " + document.turns());
		assertThat(document.engine()).isEqualTo("per-channel");
		assertThat(document.speakers()).containsExactly("S1", "S2");
		assertThat(document.speakerEmbeddings()).containsOnlyKeys("S1", "S2");
		// both talk at once (0.36-2.44 s): the channels keep the overlap
		List<SpeakerTurn> reference = RttmFiles.read(CALL.resolveSibling("stereo_diarization.derived_energy.rttm"))
			.get("stereo_diarization");
		DerResult der = new DiarizationErrorRate().compute(reference, document.turns(), null);
		System.out.println("stereo call: " + der);
		assertThat(der.confusion()).isLessThan(0.05 * der.scored());
		// the mixed-down signal is one voice on top of another: clustering does worse
		try (Diarizer mixed = Diarizer.create(DiarizationProperties.defaults()
			.withChannels(new DiarizationProperties.Channels(false, 0.8, 0.5, 1800)))) {
			DiarizationDocument mixdown = mixed.diarize(CALL, null, null);
			assertThat(mixdown.engine()).isNotEqualTo("per-channel");
			assertThat(new DiarizationErrorRate().compute(reference, mixdown.turns(), null).der())
				.isGreaterThan(der.der());
		}
		// a request for three or more people is honoured by clustering
		assertThat(diarizer.diarize(CALL, 3, null).engine()).isNotEqualTo("per-channel");
	}

	@Test
	void oneVoiceOnBothChannelsIsNotACall() throws Exception {
		Audio jfk = DECODER.decode(DATA.resolve("asr/en/jfk.wav"));
		Path stereo = work.resolve("jfk-stereo.wav");
		// the right channel a little quieter, as a second microphone would hear it
		writeStereo(stereo, jfk.samples(), scaled(jfk.samples(), 0.5f));
		List<Audio> channels = DECODER.decodeChannels(stereo);
		assertThat(StereoChannels.analyse(channels.get(0), channels.get(1)).envelopeCorrelation()).isGreaterThan(0.9);
		assertThat(ChannelSpeakers.stereoChannels(DECODER, stereo, DEFAULTS)).isNull();
		assertThat(diarizer.diarize(stereo, null, null).engine()).isNotEqualTo("per-channel");
		// a mono WAV is never split
		assertThat(ChannelSpeakers.stereoChannels(DECODER, DATA.resolve("asr/en/jfk.wav"), DEFAULTS)).isNull();
	}

	@Test
	void aCallInAnyContainerTheDecoderReadsIsDiarizedByChannel() throws Exception {
		for (String container : List.of("flac", "opus", "m4a")) {
			Path call = work.resolve("stereo_diarization." + container);
			Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", CALL.toString(),
					call.toString())
				.inheritIO()
				.start();
			assertThat(ffmpeg.waitFor()).isZero();

			DiarizationDocument document = diarizer.diarize(call, null, null);

			assertThat(document.engine()).as(container).isEqualTo("per-channel");
			assertThat(document.speakers()).as(container).containsExactly("S1", "S2");
		}
	}

	@Test
	void theRuleIsTheOneTheAsrWorkerApplies() {
		// the ASR worker's split-stereo maps onto the same defaults (StereoDecisionTests)
		assertThat(DEFAULTS.stereoCall()).isEqualTo(StereoChannels.Settings.DEFAULTS);
	}

	/**
	 * Stereo files made from dev recordings (StereoCases: calls, one room twice; every
	 * fifth and the two nearest the threshold) are split here exactly when the shared
	 * rule splits them, so exactly when the ASR worker recognises them channel by channel
	 * ({@code StereoDecisionTests} there), and the rule's answer is right.
	 */
	@Test
	void stereoCasesAreSplitAsTheAsrWorkerSplitsThem() throws Exception {
		StereoCases.checkEntryPoint(work, file -> ChannelSpeakers.stereoChannels(DECODER, file, DEFAULTS) != null);
	}

	private static float[] scaled(float[] samples, float gain) {
		float[] out = new float[samples.length];
		for (int i = 0; i < out.length; i++) {
			out[i] = samples[i] * gain;
		}
		return out;
	}

	private static void writeStereo(Path file, float[] left, float[] right) throws Exception {
		int frames = Math.min(left.length, right.length);
		ByteBuffer out = ByteBuffer.allocate(44 + frames * 4).order(ByteOrder.LITTLE_ENDIAN);
		out.put("RIFF".getBytes()).putInt(36 + frames * 4).put("WAVE".getBytes());
		out.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2).putInt(Audio.SAMPLE_RATE);
		out.putInt(Audio.SAMPLE_RATE * 4).putShort((short) 4).putShort((short) 16);
		out.put("data".getBytes()).putInt(frames * 4);
		for (int i = 0; i < frames; i++) {
			out.putShort((short) Math.round(Math.max(-1, Math.min(1, left[i])) * 32767));
			out.putShort((short) Math.round(Math.max(-1, Math.min(1, right[i])) * 32767));
		}
		Files.write(file, out.array());
	}

}
