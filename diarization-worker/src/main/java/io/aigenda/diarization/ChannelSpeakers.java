package io.aigenda.diarization;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.aigenda.audio.Audio;
import io.aigenda.audio.AudioDecoder;
import io.aigenda.audio.SileroVad;
import io.aigenda.audio.SpeechRegion;
import io.aigenda.audio.StereoChannels;
import io.aigenda.contracts.SpeakerTurn;

/**
 * Calls recorded with one speaker per channel (a stereo call: each side on its own
 * track). Mixing them down and clustering voices throws away the best evidence there is:
 * each channel's own voice activity says who speaks. Which recordings those are is
 * decided by {@link StereoChannels}, the rule the ASR worker applies too, so a call never
 * gets per-channel words with clustered speakers or the other way round.
 */
final class ChannelSpeakers {

	private ChannelSpeakers() {
	}

	/**
	 * The channels of a call with one speaker per channel, decoded from any container the
	 * decoder reads, up to {@code maxSeconds} long; null for any other recording (it is
	 * diarized as one mixed-down signal, read a stretch at a time). Both channels are
	 * held in memory, hence the limit.
	 * @throws io.aigenda.audio.AudioDecodingException when the file is not audio the
	 * decoder can read
	 */
	static List<Audio> stereoChannels(AudioDecoder decoder, Path file, DiarizationProperties.Channels settings) {
		List<Audio> channels = StereoChannels.callChannels(decoder, file, settings.stereoCall());
		return channels.isEmpty() ? null : channels;
	}

	/**
	 * The turns of a call with one speaker per channel ({@link #stereoChannels}): each
	 * channel's speech regions, one speaker per channel that speaks at least
	 * {@code minSpeechSeconds}, named in order of first speech ({@code S1}, {@code S2});
	 * null without channels or when the request asks for more than two speakers.
	 */
	static Call turns(List<Audio> channels, SileroVad vad, double minSpeechSeconds, Integer minSpeakers) {
		if (channels == null || (minSpeakers != null && minSpeakers > 2)) {
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
