package io.aigenda.asr.recognizer;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.aigenda.asr.AsrProperties;
import io.aigenda.audio.Audio;
import io.aigenda.contracts.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VoskSpeechRecognizerTests {

	private static final Audio SILENCE = new Audio(new float[Audio.SAMPLE_RATE], Audio.SAMPLE_RATE);

	@Test
	void russianWithoutAConfiguredModelFailsNamingTheSetting(@TempDir Path cache) {
		try (SpeechRecognizer recognizer = vosk(new AsrProperties.Vosk(cache, Map.of()))) {
			assertThatThrownBy(() -> recognizer.recognize(SILENCE, Language.RU))
				.isInstanceOf(UnsupportedLanguageException.class)
				.hasMessageStartingWith("Russian speech; no Russian model is installed: ")
				.hasMessageContaining("vosk-model-small-ru")
				.hasMessageContaining("aigenda.asr.vosk.model-dirs.ru");
		}
	}

	@Test
	void configuredModelFolderThatIsMissingFailsNamingTheSetting(@TempDir Path cache) {
		Path missing = cache.resolve("vosk-model-small-ru-0.22");
		try (SpeechRecognizer recognizer = vosk(new AsrProperties.Vosk(cache, Map.of("ru", missing)))) {
			assertThatThrownBy(() -> recognizer.recognize(SILENCE, Language.RU))
				.isInstanceOf(UnsupportedLanguageException.class)
				.hasMessageContaining("aigenda.asr.vosk.model-dirs.ru")
				.hasMessageContaining(missing.toString());
		}
	}

	@Test
	void bundledEnglishModelIsExtractedOnceAndReused(@TempDir Path cache) throws Exception {
		Path first = BundledVoskModel.extract(cache);
		long modified = Files.getLastModifiedTime(first.resolve("am/final.mdl")).toMillis();

		Path second = BundledVoskModel.extract(cache);

		assertThat(second).isEqualTo(first);
		assertThat(first.resolve("am/final.mdl")).isRegularFile();
		assertThat(first.resolve("graph/HCLr.fst")).isRegularFile();
		assertThat(Files.getLastModifiedTime(second.resolve("am/final.mdl")).toMillis()).isEqualTo(modified);
		try (var entries = Files.list(cache)) {
			assertThat(entries).as("no partial copies left behind").containsExactly(first);
		}
	}

	@Test
	void modelInsideAJarIsExtractedToTheCache(@TempDir Path work) throws Exception {
		// The shape of a packaged module: the model folder inside a jar on the classpath.
		Path jar = work.resolve("asr-worker.jar");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
			addEntry(zip, "models/vosk-model-en-us/uuid", "0f1e2d3c-test\n");
			addEntry(zip, "models/vosk-model-en-us/am/final.mdl", "acoustic model bytes");
			addEntry(zip, "models/vosk-model-en-us/conf/model.conf", "--min-active=200");
		}
		Path cache = work.resolve("cache");

		Path extracted;
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			extracted = BundledVoskModel.extract(classLoader, cache);
		}

		assertThat(extracted).isEqualTo(cache.resolve("vosk-model-en-us-0f1e2d3c-test"));
		assertThat(extracted.resolve("am/final.mdl")).hasContent("acoustic model bytes");
		assertThat(extracted.resolve("conf/model.conf")).hasContent("--min-active=200");
	}

	@Test
	void noLanguageMeansTheConfiguredDefault(@TempDir Path cache) {
		try (SpeechRecognizer recognizer = vosk(new AsrProperties.Vosk(cache, Map.of()))) {
			assertThat(recognizer.resolveLanguage(null)).isEqualTo(Language.EN);
			assertThat(recognizer.resolveLanguage(Language.AUTO)).isEqualTo(Language.EN);
			assertThat(recognizer.resolveLanguage(Language.RU)).isEqualTo(Language.RU);
		}
	}

	private static void addEntry(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	private static SpeechRecognizer vosk(AsrProperties.Vosk settings) {
		return SpeechRecognizers.create(AsrProperties.defaults().withVosk(settings));
	}

}
