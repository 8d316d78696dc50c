package io.aigenda.asr.recognizer;

import io.aigenda.asr.AsrProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One bean per engine; {@code aigenda.asr.engine} decides which one exists. */
@Configuration(proxyBeanMethods = false)
class RecognizerConfiguration {

	@Bean
	@ConditionalOnProperty(name = "aigenda.asr.engine", havingValue = "vosk", matchIfMissing = true)
	SpeechRecognizer voskSpeechRecognizer(AsrProperties properties) {
		return SpeechRecognizers.vosk(properties);
	}

	@Bean
	@ConditionalOnProperty(name = "aigenda.asr.engine", havingValue = "whisper-cpp")
	SpeechRecognizer whisperCppSpeechRecognizer(AsrProperties properties) {
		return SpeechRecognizers.whisperCpp(properties);
	}

	@Bean
	@ConditionalOnProperty(name = "aigenda.asr.engine", havingValue = "openai")
	SpeechRecognizer openAiSpeechRecognizer(AsrProperties properties) {
		return SpeechRecognizers.openAi(properties);
	}

}
