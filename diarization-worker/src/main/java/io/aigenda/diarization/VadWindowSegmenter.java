package io.aigenda.diarization;

import java.util.ArrayList;
import java.util.List;

import io.aigenda.audio.AudioSource;
import io.aigenda.audio.SpeechRegion;
import io.aigenda.audio.VoiceActivityDetector;

/**
 * Baseline segmentation: speech regions from voice activity detection, cut into
 * overlapping sliding windows. Speaker changes inside a region are found later, when
 * windows of one region fall into different clusters.
 */
class VadWindowSegmenter implements SpeakerSegmenter {

	private final VoiceActivityDetector vad;

	private final DiarizationProperties.Segmentation options;

	VadWindowSegmenter(VoiceActivityDetector vad, DiarizationProperties.Segmentation options) {
		this.vad = vad;
		this.options = options;
	}

	@Override
	public Segmentation segment(AudioSource audio) {
		List<SpeechRegion> regions;
		// Silero VAD keeps state per stream and is not thread-safe.
		synchronized (this.vad) {
			regions = this.vad.detect(audio);
		}
		return Segmentation.withoutOverlap(windows(regions, this.options.windowSeconds(), this.options.hopSeconds()));
	}

	static List<Window> windows(List<SpeechRegion> regions, double window, double hop) {
		List<Window> windows = new ArrayList<>();
		for (SpeechRegion region : regions) {
			double length = region.end() - region.start();
			if (length <= 0) {
				continue;
			}
			if (length <= window) {
				windows.add(new Window(region.start(), region.end(), region.start(), region.end()));
				continue;
			}
			int count = (int) Math.ceil((length - window) / hop - 1e-9) + 1;
			for (int k = 0; k < count; k++) {
				double start = Math.min(region.start() + k * hop, region.end() - window);
				windows.add(new Window(start, start + window, region.start(), region.end()));
			}
		}
		return windows;
	}

}
