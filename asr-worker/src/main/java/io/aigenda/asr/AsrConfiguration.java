package io.aigenda.asr;

import io.aigenda.asr.recognizer.SpeechRecognizer;
import io.aigenda.audio.AudioDecoders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The transcription pipeline around whichever engine bean the configuration selected. */
@Configuration(proxyBeanMethods = false)
class AsrConfiguration {

	@Bean
	Transcriber transcriber(SpeechRecognizer recognizer, AsrProperties properties) {
		return new Transcriber(AudioDecoders.detect(), Transcriber.sileroVad(properties.vad()), recognizer,
				properties.maxChunkSeconds(), properties.signal(), properties.readable());
	}

}
