package io.aigenda.asr.recognizer;

import io.aigenda.asr.AsrProperties;

/**
 * Builds the configured adapter. Inside the worker Spring does this through
 * {@link RecognizerConfiguration} (one bean per engine); the CLI's {@code eval} and
 * {@code bench} use this factory without starting a context.
 */
public final class SpeechRecognizers {

	private SpeechRecognizers() {
	}

	public static SpeechRecognizer create(AsrProperties properties) {
		return switch (properties.engine()) {
			case VOSK -> vosk(properties);
			case WHISPER_CPP -> whisperCpp(properties);
			case OPENAI -> openAi(properties);
		};
	}

	static SpeechRecognizer vosk(AsrProperties properties) {
		return new VoskSpeechRecognizer(new VoskModels(properties.vosk()), properties.defaultLanguage());
	}

	static SpeechRecognizer openAi(AsrProperties properties) {
		return new OpenAiSpeechRecognizer(properties.openai());
	}

	static SpeechRecognizer whisperCpp(AsrProperties properties) {
		return new WhisperCppSpeechRecognizer(
				PulledWhisperModels.resolve(properties.whisper().modelPath(), PulledWhisperModels.directory()),
				properties.whisper().effectiveThreads());
	}

}
