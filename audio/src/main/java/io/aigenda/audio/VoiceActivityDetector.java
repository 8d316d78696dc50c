package io.aigenda.audio;

import java.util.List;

/** Finds where people speak. */
public interface VoiceActivityDetector {

	/** Speech regions in time order, not overlapping. */
	List<SpeechRegion> detect(AudioSource audio);

}
