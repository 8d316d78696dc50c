package io.aigenda.asr.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.aigenda.asr.ProgressListener;
import io.aigenda.asr.Transcriber;
import io.aigenda.asr.Transcription;
import io.aigenda.asr.recognizer.SpeechRecognizer;
import io.aigenda.audio.Audio;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.Word;

/**
 * Word error rate of the configured engine on recordings that have a reference transcript
 * beside them (same name, {@code .txt}). Prints one line per file and the overall WER
 * (all errors over all reference words), with real-time factors, and returns the numbers.
 */
public final class AsrEvaluation {

	private static final Set<String> AUDIO_EXTENSIONS = Set.of("wav", "flac", "mp3", "m4a", "aac", "ogg", "opus",
			"webm", "mp4", "mkv");

	private final Transcriber transcriber;

	private final PrintStream out;

	public AsrEvaluation(Transcriber transcriber, PrintStream out) {
		this.transcriber = transcriber;
		this.out = out;
	}

	/**
	 * Evaluates audio files, and audio files in folders (recursively), that have a
	 * reference.
	 * @param paths files or folders
	 * @param language language of every file, or {@code null} to take it from the folder
	 * name ({@code .../en/jfk.wav} is English) and otherwise let the engine decide
	 */
	public Report evaluate(List<Path> paths, Language language) {
		List<Path> files = referencedAudio(paths);
		if (files.isEmpty()) {
			throw new IllegalArgumentException("No audio file with a reference .txt beside it in " + paths);
		}
		List<FileResult> results = new ArrayList<>();
		for (Path file : files) {
			results.add(evaluate(file, (language != null) ? language : languageFromFolder(file)));
		}
		Report report = new Report(results);
		this.out.printf(Locale.ROOT,
				"overall: WER %.2f%% (%d errors / %d reference words), real-time factor %.3f; bare engine WER %.2f%% "
						+ "(%d errors)%n",
				report.wer() * 100, report.errors().errors(), report.errors().referenceWords(), report.realTimeFactor(),
				report.bareWer() * 100, report.bareErrors().errors());
		return report;
	}

	/** Evaluates one audio file against the {@code .txt} beside it. */
	public FileResult evaluate(Path file, Language language) {
		String reference = read(referenceOf(file));
		Transcription transcription = this.transcriber.transcribeMeasured(file, language, ProgressListener.none());
		String hypothesis = transcription.document().words().stream().map(Word::text).collect(Collectors.joining(" "));
		WordErrorRate.Result errors = WordErrorRate.compute(reference, hypothesis);
		// the bare engine on the same decoded audio, whole, without normalisation or
		// chunks
		Audio decoded = this.transcriber.decoder().decode(file);
		SpeechRecognizer engine = this.transcriber.recognizer();
		String bareHypothesis = engine.recognize(decoded, transcription.document().language())
			.stream()
			.map(Word::text)
			.collect(Collectors.joining(" "));
		WordErrorRate.Result bare = WordErrorRate.compute(reference, bareHypothesis);
		FileResult result = new FileResult(file, reference, hypothesis, errors,
				transcription.document().durationSeconds(), transcription.totalSeconds(), bare);
		this.out.printf(Locale.ROOT,
				"%s: WER %.2f%% (S %d, D %d, I %d, N %d), bare engine WER %.2f%% (S %d, D %d, I %d), %.1f s audio, "
						+ "real-time factor %.3f%n  ref: %s%n  hyp: %s%n  bare: %s%n",
				file.getFileName(), errors.wer() * 100, errors.substitutions(), errors.deletions(), errors.insertions(),
				errors.referenceWords(), bare.wer() * 100, bare.substitutions(), bare.deletions(), bare.insertions(),
				result.audioSeconds(), result.realTimeFactor(), String.join(" ", WordErrorRate.normalise(reference)),
				String.join(" ", WordErrorRate.normalise(hypothesis)),
				String.join(" ", WordErrorRate.normalise(bareHypothesis)));
		return result;
	}

	static List<Path> referencedAudio(List<Path> paths) {
		List<Path> files = new ArrayList<>();
		for (Path path : paths) {
			if (Files.isDirectory(path)) {
				try (Stream<Path> walk = Files.walk(path)) {
					walk.filter(AsrEvaluation::isAudio)
						.filter(file -> Files.isRegularFile(referenceOf(file)))
						.sorted(Comparator.naturalOrder())
						.forEach(files::add);
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Cannot list " + path + ": " + ex.getMessage(), ex);
				}
			}
			else if (Files.isRegularFile(referenceOf(path))) {
				files.add(path);
			}
		}
		return files;
	}

	private static boolean isAudio(Path file) {
		return Files.isRegularFile(file) && AUDIO_EXTENSIONS.contains(extension(file));
	}

	static Path referenceOf(Path audio) {
		String name = audio.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return audio.resolveSibling(((dot > 0) ? name.substring(0, dot) : name) + ".txt");
	}

	private static String extension(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
	}

	private static Language languageFromFolder(Path file) {
		Path parent = file.toAbsolutePath().getParent();
		String folder = (parent != null && parent.getFileName() != null) ? parent.getFileName().toString() : "";
		return folder.matches("[a-z]{2}") ? Language.parse(folder) : Language.AUTO;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the reference " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * One file's result.
	 *
	 * @param processingSeconds decoding, VAD and recognition together
	 * @param bareErrors the engine alone on the whole decoded recording
	 */
	public record FileResult(Path file, String reference, String hypothesis, WordErrorRate.Result errors,
			double audioSeconds, double processingSeconds, WordErrorRate.Result bareErrors) {

		public double wer() {
			return this.errors.wer();
		}

		public double realTimeFactor() {
			return (this.audioSeconds > 0) ? this.processingSeconds / this.audioSeconds : 0;
		}

	}

	/**
	 * All files' results; the overall WER weights each file by its number of reference
	 * words.
	 */
	public record Report(List<FileResult> files) {

		public Report {
			files = List.copyOf(files);
		}

		public WordErrorRate.Result errors() {
			return this.files.stream()
				.map(FileResult::errors)
				.reduce(WordErrorRate.Result.none(), WordErrorRate.Result::plus);
		}

		public double wer() {
			return errors().wer();
		}

		public WordErrorRate.Result bareErrors() {
			return this.files.stream()
				.map(FileResult::bareErrors)
				.reduce(WordErrorRate.Result.none(), WordErrorRate.Result::plus);
		}

		public double bareWer() {
			return bareErrors().wer();
		}

		public double realTimeFactor() {
			double audio = this.files.stream().mapToDouble(FileResult::audioSeconds).sum();
			double processing = this.files.stream().mapToDouble(FileResult::processingSeconds).sum();
			return (audio > 0) ? processing / audio : 0;
		}

	}

}
