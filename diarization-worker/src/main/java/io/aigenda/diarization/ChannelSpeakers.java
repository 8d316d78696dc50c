package io.aigenda.diarization;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.aigenda.audio.Audio;
import io.aigenda.audio.SileroVad;
import io.aigenda.audio.SpeechRegion;
import io.aigenda.contracts.SpeakerTurn;

/**
 * Calls recorded with one speaker per channel (a stereo call: each side on its own
 * track). Mixing them down and clustering voices throws away the best evidence there is:
 * each channel's own voice activity says who speaks. A two-channel WAV is taken as one
 * speaker per channel when both channels hold speech and their loudness moves
 * independently: the correlation of their frame energies (dB, 20 ms frames) stays under
 * {@code maxEnergyCorrelation}. Two microphones in one room, or one voice copied to both
 * channels, rise and fall together (correlation near 1); the stereo call of eval-dev
 * scores 0.19 although its two people talk at the same time.
 */
final class ChannelSpeakers {

	private static final int FRAME = Audio.SAMPLE_RATE / 50;

	private ChannelSpeakers() {
	}

	/**
	 * The channels of a 16-bit PCM WAV with exactly two channels, at 16 kHz, up to
	 * {@code maxSeconds} long; null for any other file (it is diarized as one mixed-down
	 * signal, read a stretch at a time). Both channels are held in memory, hence the
	 * limit.
	 */
	static List<Audio> stereoChannels(Path file, double maxSeconds) {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] header = in.readNBytes(12);
			if (header.length < 12
					|| !new String(header, 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("RIFF")
					|| !new String(header, 8, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("WAVE")) {
				return null;
			}
			int channels = -1;
			int rate = -1;
			int bits = -1;
			int encoding = -1;
			while (true) {
				byte[] chunk = in.readNBytes(8);
				if (chunk.length < 8) {
					return null;
				}
				String id = new String(chunk, 0, 4, java.nio.charset.StandardCharsets.US_ASCII);
				long size = ByteBuffer.wrap(chunk, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
				if (id.equals("fmt ")) {
					ByteBuffer fmt = ByteBuffer.wrap(in.readNBytes((int) size)).order(ByteOrder.LITTLE_ENDIAN);
					encoding = fmt.getShort(0) & 0xffff;
					channels = fmt.getShort(2);
					rate = fmt.getInt(4);
					bits = fmt.getShort(14);
					if (encoding != 1 || channels != 2 || rate != Audio.SAMPLE_RATE || bits != 16) {
						return null;
					}
				}
				else if (id.equals("data") && channels == 2) {
					if (size / 4.0 / Audio.SAMPLE_RATE > maxSeconds) {
						return null;
					}
					byte[] data = in.readNBytes((int) Math.min(size, Integer.MAX_VALUE - 8));
					int frames = data.length / 4;
					float[] left = new float[frames];
					float[] right = new float[frames];
					ByteBuffer samples = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
					for (int f = 0; f < frames; f++) {
						left[f] = samples.getShort(4 * f) / 32768f;
						right[f] = samples.getShort(4 * f + 2) / 32768f;
					}
					return List.of(new Audio(left, Audio.SAMPLE_RATE), new Audio(right, Audio.SAMPLE_RATE));
				}
				else {
					in.skipNBytes(size + (size & 1));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not a stereo WAV this reader knows: the decoder diarizes it as usual
			return null;
		}
	}

	/**
	 * Pearson correlation of the two channels' frame energies in dB: near 1 when both
	 * carry the same sound, low when each carries its own speaker.
	 */
	static double energyCorrelation(Audio a, Audio b) {
		double[] x = energies(a);
		double[] y = energies(b);
		int n = Math.min(x.length, y.length);
		if (n < 2) {
			return 1;
		}
		double mx = 0;
		double my = 0;
		for (int i = 0; i < n; i++) {
			mx += x[i];
			my += y[i];
		}
		mx /= n;
		my /= n;
		double sxy = 0;
		double sxx = 0;
		double syy = 0;
		for (int i = 0; i < n; i++) {
			sxy += (x[i] - mx) * (y[i] - my);
			sxx += (x[i] - mx) * (x[i] - mx);
			syy += (y[i] - my) * (y[i] - my);
		}
		return (sxx == 0 || syy == 0) ? 1 : sxy / Math.sqrt(sxx * syy);
	}

	private static double[] energies(Audio audio) {
		float[] s = audio.samples();
		double[] out = new double[s.length / FRAME];
		for (int f = 0; f < out.length; f++) {
			double sum = 0;
			for (int i = f * FRAME; i < (f + 1) * FRAME; i++) {
				sum += s[i] * s[i];
			}
			out[f] = 10 * Math.log10(sum / FRAME + 1e-10);
		}
		return out;
	}

	/**
	 * The turns of a call with one speaker per channel: each channel's speech regions,
	 * one speaker per channel that speaks at least {@code minSpeechSeconds}, named in
	 * order of first speech ({@code S1}, {@code S2}); null when the channels are not one
	 * speaker each or the request asks for more than two speakers.
	 */
	static Call turns(List<Audio> channels, SileroVad vad, double maxEnergyCorrelation, double minSpeechSeconds,
			Integer minSpeakers) {
		if (channels == null || (minSpeakers != null && minSpeakers > 2)
				|| energyCorrelation(channels.get(0), channels.get(1)) >= maxEnergyCorrelation) {
			return null;
		}
		List<SpeakerTurn> turns = new ArrayList<>();
		for (int c = 0; c < channels.size(); c++) {
			List<SpeechRegion> speech = vad.detect(channels.get(c));
			if (speech.stream().mapToDouble(SpeechRegion::duration).sum() >= minSpeechSeconds) {
				for (SpeechRegion region : speech) {
					turns.add(new SpeakerTurn(region.start(), region.end(), String.valueOf(c)));
				}
			}
		}
		if (turns.isEmpty()) {
			return null;
		}
		turns.sort(Comparator.comparingDouble(SpeakerTurn::start));
		Map<String, Integer> channelOf = new LinkedHashMap<>();
		Map<String, String> names = new HashMap<>();
		List<SpeakerTurn> named = new ArrayList<>();
		for (SpeakerTurn t : turns) {
			String name = names.computeIfAbsent(t.speaker(), k -> "S" + (names.size() + 1));
			channelOf.put(name, Integer.parseInt(t.speaker()));
			named
				.add(new SpeakerTurn(Math.round(t.start() * 1000) / 1000.0, Math.round(t.end() * 1000) / 1000.0, name));
		}
		return new Call(named, channelOf);
	}

	/**
	 * @param turns speaker turns, named in order of first speech
	 * @param channels the channel of each speaker
	 */
	record Call(List<SpeakerTurn> turns, Map<String, Integer> channels) {

		/** The turns of the speaker on one channel. */
		List<SpeakerTurn> on(int channel) {
			return this.turns.stream().filter(t -> this.channels.get(t.speaker()) == channel).toList();
		}

	}

}
