package io.aigenda.asr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.aigenda.asr.recognizer.SpeechRecognizer;
import io.aigenda.asr.recognizer.SpeechRecognizers;
import io.aigenda.asr.recognizer.UnsupportedLanguageException;
import io.aigenda.audio.Audio;
import io.aigenda.audio.AudioDecoders;
import io.aigenda.audio.LoudnessNormalizer;
import io.aigenda.audio.SileroVad;
import io.aigenda.audio.SpeechChunker;
import io.aigenda.audio.SpeechRegion;
import io.aigenda.contracts.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whisper's language identification, as the pipeline uses it with {@code auto} (on the
 * first piece of speech after loudness normalisation and VAD), on every English and
 * Russian dev recording, with the accuracy beside the trivial baseline (always English)
 * and the former method (the Vosk English model's own doubt, 12 of 12 on these files). A
 * measurement, not part of the suite:
 * {@code -Daigenda.whisper.identify=models/for-tests-ggml-tiny.bin} (a ggml model file,
 * relative to {@code ../shared} or absolute).
 */
@EnabledIfSystemProperty(named = "aigenda.whisper.identify", matches = ".+")
class WhisperLanguageIdentificationTests {

	static final List<String> ENGLISH = List.of("asr/en/jfk.wav", "asr/en/2412-153948-0000.flac", "containers/jfk.mp3",
			"diarization/ami_dev/dev00.wav", "diarization/ami_dev/dev01.wav", "diarization/pyannote_sample/sample.wav",
			"diarization/more/picovoice_leopard/diarization_test.wav",
			"diarization/more/lhotse_ami_clip/ES2011a.Headset-0-40s-46s.wav",
			"diarization/more/faster-whisper_stereo/stereo_diarization.wav");

	static final List<String> RUSSIAN = List.of("asr/ru/test_sound_ru.wav", "asr/ru/long_ru_60s_noref.wav",
			"containers/pisets_test_mpeg.m4a");

	@Test
	void identifiesTheLanguageOfEveryDevRecording() {
		String setting = System.getProperty("aigenda.whisper.identify");
		Path model = Path.of(setting).isAbsolute() ? Path.of(setting) : EvalDev.shared(setting);
		AsrProperties properties = AsrProperties.defaults()
			.withEngine(AsrProperties.Engine.WHISPER_CPP)
			.withWhisper(new AsrProperties.Whisper(model, 0));
		List<String> lines = new ArrayList<>();
		int right = 0;
		int alwaysEnglish = 0;
		int total = 0;
		try (SpeechRecognizer whisper = SpeechRecognizers.create(properties);
				SileroVad vad = Transcriber.sileroVad(properties.vad())) {
			for (String file : concat(ENGLISH, RUSSIAN)) {
				Language expected = ENGLISH.contains(file) ? Language.EN : Language.RU;
				Audio audio = LoudnessNormalizer
					.normalize(AudioDecoders.detect().decode(EvalDev.shared("eval-dev/" + file)));
				List<SpeechRegion> pieces = SpeechChunker.cover(vad.detect(audio), properties.maxChunkSeconds(),
						properties.signal().marginSeconds(), audio.durationSeconds());
				String heard;
				boolean correct;
				if (pieces.isEmpty()) {
					heard = "no speech";
					correct = false;
				}
				else {
					try {
						Language identified = whisper
							.identifyLanguage(audio.slice(pieces.get(0).start(), pieces.get(0).end()));
						heard = identified.code();
						correct = identified == expected;
					}
					catch (UnsupportedLanguageException ex) {
						heard = ex.getMessage().substring(0, ex.getMessage().indexOf(" speech"));
						correct = false;
					}
				}
				total++;
				right += correct ? 1 : 0;
				alwaysEnglish += (expected == Language.EN) ? 1 : 0;
				lines.add(String.format(Locale.ROOT, "%-62s %-3s %-22s %s", file, expected, heard,
						correct ? "right" : "WRONG"));
			}
		}
		System.out.println("Whisper language identification, model " + model.getFileName());
		lines.forEach(System.out::println);
		System.out.printf(Locale.ROOT, "accuracy %d/%d (%.1f%%); always English %d/%d (%.1f%%); Vosk doubt 12/12%n",
				right, total, 100.0 * right / total, alwaysEnglish, total, 100.0 * alwaysEnglish / total);
		assertThat(total).isEqualTo(ENGLISH.size() + RUSSIAN.size());
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

}
