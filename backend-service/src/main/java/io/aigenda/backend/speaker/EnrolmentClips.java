package io.aigenda.backend.speaker;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.aigenda.audio.Audio;
import io.aigenda.audio.AudioDecoders;
import io.aigenda.audio.AudioDecodingException;
import io.aigenda.audio.SileroVad;
import io.aigenda.audio.SpeechRegion;
import io.aigenda.backend.problem.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks an enrolment clip before it is accepted, so the user hears at once what is wrong
 * with it instead of finding a failed voiceprint later: it must decode, last at most
 * {@link #MAX_SECONDS}, and hold speech. A clip is short, so decoding it here costs
 * little.
 */
@Component
class EnrolmentClips {

	static final double MAX_SECONDS = 300;

	/**
	 * Five minutes of uncompressed 48 kHz stereo float audio fit in this; anything larger
	 * is refused unread.
	 */
	static final long MAX_BYTES = 200L * 1024 * 1024;

	/**
	 * @return seconds of speech in the clip
	 * @throws ApiException 422 when the clip is no audio, too long, or holds no speech
	 */
	double check(Path clip) {
		Audio audio;
		try {
			// Decoding stops a second past the limit: enough to know the clip is too
			// long.
			audio = AudioDecoders.detect(MAX_SECONDS + 1).decode(clip);
		}
		catch (AudioDecodingException ex) {
			throw unprocessable("no-audio", "The clip cannot be decoded as audio: " + ex.getMessage());
		}
		if (audio.samples().length == 0) {
			throw unprocessable("no-audio", "The clip contains no audio");
		}
		if (audio.durationSeconds() > MAX_SECONDS) {
			throw unprocessable("clip-too-long",
					String.format(Locale.ROOT,
							"The clip is longer than %.0f minutes; a minute of one person talking is enough",
							MAX_SECONDS / 60));
		}
		List<SpeechRegion> speech;
		try (SileroVad vad = SileroVad.load()) {
			speech = vad.detect(audio);
		}
		double seconds = speech.stream().mapToDouble(SpeechRegion::duration).sum();
		if (seconds <= 0) {
			throw unprocessable("no-speech", "No speech was found in the clip");
		}
		return seconds;
	}

	static ApiException unprocessable(String slug, String message) {
		return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, slug, message);
	}

}
