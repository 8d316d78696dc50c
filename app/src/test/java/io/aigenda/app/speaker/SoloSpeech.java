package io.aigenda.app.speaker;

import java.util.ArrayList;
import java.util.List;

import io.aigenda.audio.Audio;
import io.aigenda.contracts.SpeakerTurn;

import static org.assertj.core.api.Assertions.assertThat;

/** Enrolment clips cut from reference turns, for the voiceprint tests. */
final class SoloSpeech {

	private SoloSpeech() {
	}

	/**
	 * The stretches of {@code recording} between {@code from} and {@code to} where only
	 * {@code speaker} talks, joined; at least 4 s of them.
	 */
	static Audio of(Audio recording, List<SpeakerTurn> turns, String speaker, double from, double to) {
		List<Audio> parts = new ArrayList<>();
		for (SpeakerTurn turn : turns) {
			if (!turn.speaker().equals(speaker)) {
				continue;
			}
			double start = Math.max(turn.start(), from);
			double end = Math.min(Math.min(turn.end(), to), recording.durationSeconds());
			for (SpeakerTurn other : turns) {
				if (other.speaker().equals(speaker) || other.end() <= start || other.start() >= end) {
					continue;
				}
				// another voice inside: keep the longer side of it
				if (other.start() - start >= end - other.end()) {
					end = other.start();
				}
				else {
					start = other.end();
				}
			}
			if (end - start > 0.3) {
				parts.add(recording.slice(start, end));
			}
		}
		Audio clip = concat(parts);
		assertThat(clip.durationSeconds()).as("solo speech of " + speaker).isGreaterThan(4);
		return clip;
	}

	static Audio concat(List<Audio> parts) {
		int length = parts.stream().mapToInt(a -> a.samples().length).sum();
		float[] samples = new float[length];
		int offset = 0;
		for (Audio part : parts) {
			System.arraycopy(part.samples(), 0, samples, offset, part.samples().length);
			offset += part.samples().length;
		}
		return new Audio(samples, Audio.SAMPLE_RATE);
	}

}
