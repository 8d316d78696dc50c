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
		ReadabilityScore.Counts readability = report.readability();
		if (readability.words() > 0) {
			this.out.printf(Locale.ROOT,
					"readable text on punctuated references (%d matched words): capitalisation %.1f%% (all lower "
							+ "case: %.1f%%), sentence ends precision %.1f%% recall %.1f%% (%d of %d)%n",
					readability.words(), 100.0 * readability.capitalsRight() / readability.words(),
					100.0 * readability.capitalsBaseline() / readability.words(), 100 * readability.endPrecision(),
					100 * readability.endRecall(), readability.endsRight(), readability.endsInReference());
		}
		List<ReadabilityScore.Scored> scored = report.files().stream().flatMap((f) -> f.scored().stream()).toList();
		long wrong = scored.stream().filter(ReadabilityScore.Scored::wrong).count();
		this.out.printf(Locale.ROOT, "doubtful words (confidence below t) against %d wrong of %d recognised words:%n",
				wrong, scored.size());
		for (double t : new double[] { 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95 }) {
			long flagged = scored.stream().filter((w) -> w.confidence() < t).count();
			long hits = scored.stream().filter((w) -> w.confidence() < t && w.wrong()).count();
			this.out.printf(Locale.ROOT, "  t=%.2f: flagged %d, precision %.1f%%, recall %.1f%%%n", t, flagged,
					(flagged > 0) ? 100.0 * hits / flagged : 0, (wrong > 0) ? 100.0 * hits / wrong : 0);
		}
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
		List<Word> words = transcription.document().words();
		ReadabilityScore.Counts readability = ReadabilityScore.punctuated(reference)
				? ReadabilityScore.readability(reference, words) : ReadabilityScore.Counts.none();
		FileResult result = new FileResult(file, reference, hypothesis, errors,
				transcription.document().durationSeconds(), transcription.totalSeconds(), bare, readability,
				ReadabilityScore.scored(reference, words));
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
	 * @param readability capitals and sentence ends against a punctuated reference (none
	 * when the reference is not punctuated)
	 * @param scored each recognised word's confidence and whether it is wrong
	 */
	public record FileResult(Path file, String reference, String hypothesis, WordErrorRate.Result errors,
			double audioSeconds, double processingSeconds, WordErrorRate.Result bareErrors,
			ReadabilityScore.Counts readability, List<ReadabilityScore.Scored> scored) {

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

		public ReadabilityScore.Counts readability() {
			return this.files.stream()
				.map(FileResult::readability)
				.reduce(ReadabilityScore.Counts.none(), ReadabilityScore.Counts::plus);
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
