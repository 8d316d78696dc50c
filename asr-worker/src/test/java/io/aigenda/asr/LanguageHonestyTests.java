package io.aigenda.asr;

import java.nio.file.Path;
import java.util.List;

import io.aigenda.asr.recognizer.UnsupportedLanguageException;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.TranscriptDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With {@code auto} and only the English model installed: English recordings stay
 * English, Russian ones fail with the problem that names the fix, never with English
 * words.
 */
class LanguageHonestyTests {

	private static Transcriber transcriber;

	@BeforeAll
	static void start() {
		transcriber = Transcriber.create(AsrProperties.defaults());
	}

	@AfterAll
	static void stop() {
		transcriber.close();
	}

	@Test
	void englishRecordingsWithAutoStayEnglish() {
		for (String file : List.of("asr/en/jfk.wav", "asr/en/2412-153948-0000.flac", "containers/jfk.mp3",
				"diarization/ami_dev/dev00.wav", "diarization/ami_dev/dev01.wav",
				"diarization/pyannote_sample/sample.wav", "diarization/more/picovoice_leopard/diarization_test.wav",
				"diarization/more/lhotse_ami_clip/ES2011a.Headset-0-40s-46s.wav",
				"diarization/more/faster-whisper_stereo/stereo_diarization.wav")) {
			TranscriptDocument document = transcriber.transcribe(EvalDev.shared("eval-dev/" + file), Language.AUTO,
					ProgressListener.none());
			assertThat(document.language()).as(file).isEqualTo(Language.EN);
			assertThat(document.words()).as(file).isNotEmpty();
		}
	}

	@Test
	void russianRecordingsWithAutoAndNoRussianModelFailNamingTheFix() {
		for (String file : List.of("asr/ru/test_sound_ru.wav", "asr/ru/long_ru_60s_noref.wav",
				"containers/pisets_test_mpeg.m4a")) {
			Path recording = EvalDev.shared("eval-dev/" + file);
			assertThatThrownBy(() -> transcriber.transcribe(recording, Language.AUTO, ProgressListener.none())).as(file)
				.isInstanceOf(UnsupportedLanguageException.class)
				.hasMessageStartingWith("Russian speech; no Russian model is installed: ")
				.hasMessageContaining("aigenda.asr.vosk.model-dirs.ru")
				.hasMessageEndingWith("If the recording is in English, process it again with the language set to en");
		}
	}

}
