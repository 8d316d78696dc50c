package io.aigenda.asr.recognizer;

import java.nio.file.Path;

import io.aigenda.asr.AsrProperties;
import io.aigenda.asr.EvalDev;
import io.aigenda.asr.ProgressListener;
import io.aigenda.asr.Transcriber;
import io.aigenda.audio.Audio;
import io.aigenda.audio.AudioDecoders;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.TranscriptDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * whisper.cpp through its C API with whisper.cpp's own test model: real hyper-parameters,
 * mel filters and vocabulary but no weights, so the text (usually none) and the language
 * it identifies are meaningless and not checked; what is checked is that the library is
 * the one the bindings were written for, that the parameters reach it, and that every
 * word is timed inside its audio.
 */
class WhisperCppSpeechRecognizerTests {

	@Test
	void testModelLoadsAndRunsThroughTheLongFormPipeline() {
		Path model = EvalDev.shared("models/for-tests-ggml-tiny.bin");
		AsrProperties properties = AsrProperties.defaults()
			.withEngine(AsrProperties.Engine.WHISPER_CPP)
			.withWhisper(new AsrProperties.Whisper(model, 2));

		try (Transcriber transcriber = Transcriber.create(properties)) {
			TranscriptDocument document = transcriber.transcribe(EvalDev.shared("eval-dev/asr/en/jfk.wav"), Language.EN,
					ProgressListener.none());

			assertThat(transcriber.recognizer()).isInstanceOf(WhisperCppSpeechRecognizer.class);
			assertThat(document.engine()).isEqualTo("whisper-cpp");
			assertThat(document.language()).isEqualTo(Language.EN);
			assertThat(document.durationSeconds()).isCloseTo(11.0, within(0.01));
			assertThat(document.words()).allSatisfy(word -> {
				assertThat(word.start()).isBetween(0.0, document.durationSeconds());
				assertThat(word.end()).isBetween(word.start(), document.durationSeconds());
			});
		}
	}

	@Test
	void autoLanguageIsLeftToWhisper() {
		Path model = EvalDev.shared("models/for-tests-ggml-tiny.bin");
		try (SpeechRecognizer recognizer = new WhisperCppSpeechRecognizer(model, 1)) {
			assertThat(recognizer.resolveLanguage(null)).isEqualTo(Language.AUTO);
			assertThat(recognizer.resolveLanguage(Language.RU)).isEqualTo(Language.RU);
		}
	}

	@Test
	void theCApiTakesTheLanguageAndIdentifiesOne() {
		Path model = EvalDev.shared("models/for-tests-ggml-tiny.bin");
		Audio jfk = AudioDecoders.detect().decode(EvalDev.shared("eval-dev/asr/en/jfk.wav")).slice(0, 3);
		try (WhisperLibrary whisper = WhisperLibrary.load(model)) {
			assertThat(whisper.multilingual()).isTrue();
			assertThat(whisper.endOfText()).isEqualTo(50257);
			// the language string goes in at the right place: whisper.cpp decodes in it
			assertThat(whisper.transcribe(jfk.samples(), "ru", 1).language()).isEqualTo("ru");
			// an untrained model identifies some language; a real one is measured by
			// WhisperLanguageIdentification
			assertThat(whisper.identifyLanguage(jfk.samples(), 1)).get().asString().matches("[a-z]{2,3}");
		}
	}

	@Test
	void theJniBindingForJava21GivesSegmentsAndNoLanguageOfItsOwn() {
		Path model = EvalDev.shared("models/for-tests-ggml-tiny.bin");
		Audio jfk = AudioDecoders.detect().decode(EvalDev.shared("eval-dev/asr/en/jfk.wav")).slice(0, 3);
		try (WhisperLibrary whisper = new WhisperJniLibrary(model)) {
			assertThat(whisper.multilingual()).isTrue();
			assertThat(whisper.identifyLanguage(jfk.samples(), 1)).isEmpty();
			WhisperLibrary.Decoded decoded = whisper.transcribe(jfk.samples(), "auto", 1);
			assertThat(decoded.language()).isEmpty();
			assertThat(decoded.segments()).allSatisfy((segment) -> assertThat(segment.tokens()).isEmpty());
		}
	}

	@Test
	void autoGivesWordsOnlyInALanguageThePlatformServes() {
		Path model = EvalDev.shared("models/for-tests-ggml-tiny.bin");
		AsrProperties properties = AsrProperties.defaults()
			.withEngine(AsrProperties.Engine.WHISPER_CPP)
			.withWhisper(new AsrProperties.Whisper(model, 2));
		try (Transcriber transcriber = Transcriber.create(properties)) {
			try {
				TranscriptDocument document = transcriber.transcribe(EvalDev.shared("eval-dev/asr/en/jfk.wav"),
						Language.AUTO, ProgressListener.none());
				assertThat(document.language()).isIn(Language.EN, Language.RU);
			}
			catch (UnsupportedLanguageException ex) {
				assertThat(ex).hasMessageContaining(" speech; AiGenda transcribes English and Russian only");
			}
		}
	}

	@Test
	void missingModelFileNamesTheSetting() {
		assertThatThrownBy(() -> new WhisperCppSpeechRecognizer(Path.of("/nonexistent/ggml-base.bin"), 1))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("aigenda.asr.whisper.model-path");
		assertThatThrownBy(() -> new WhisperCppSpeechRecognizer(null, 1))
			.hasMessageContaining("aigenda.asr.whisper.model-path");
	}

}
