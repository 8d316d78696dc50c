package io.aigenda.app.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.aigenda.app.CommonOptions;
import io.aigenda.app.SharedFolder;
import io.aigenda.asr.AsrProperties;
import io.aigenda.asr.Transcriber;
import io.aigenda.asr.eval.AsrEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aigenda eval asr [FILES...]}: word error rate against the {@code .txt} beside
 * each file.
 */
@Command(name = "asr",
		description = "Word error rate of speech recognition on files with a reference .txt beside them.")
public class EvalAsrCommand implements Callable<Integer> {

	@Parameters(arity = "0..*", paramLabel = "FILE",
			description = "Recordings or folders (default: eval-dev/asr/en in the shared folder).")
	List<Path> files;

	@Option(names = "--lang", paramLabel = "ru|en|auto",
			description = "Language of every file (default: the folder name, e.g. asr/en).")
	String language;

	@Option(names = "--engine", defaultValue = "vosk", paramLabel = "vosk|whisper-cpp",
			description = "Recognition engine (default: ${DEFAULT-VALUE}).")
	String engine;

	@Option(names = "--whisper-model", paramLabel = "FILE", description = "ggml model file for --engine whisper-cpp.")
	Path whisperModel;

	@Override
	public Integer call() {
		List<Path> paths = (this.files == null || this.files.isEmpty()) ? List.of(SharedFolder.evalDev("asr/en"))
				: this.files;
		try (Transcriber transcriber = Transcriber.create(asrProperties(this.engine, this.whisperModel))) {
			new AsrEvaluation(transcriber, System.out).evaluate(paths,
					(this.language != null) ? CommonOptions.language(this.language) : null);
		}
		return 0;
	}

	static AsrProperties asrProperties(String engine, Path whisperModel) {
		AsrProperties properties = AsrProperties.defaults();
		for (AsrProperties.Engine candidate : AsrProperties.Engine.values()) {
			if (candidate.id().equalsIgnoreCase(engine)) {
				properties = properties.withEngine(candidate);
				if (whisperModel != null) {
					properties = properties
						.withWhisper(new AsrProperties.Whisper(whisperModel, properties.whisper().threads()));
				}
				return properties;
			}
		}
		throw new IllegalArgumentException("Unknown engine '" + engine + "' (use vosk or whisper-cpp)");
	}

}
