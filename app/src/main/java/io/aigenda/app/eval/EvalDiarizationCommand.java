package io.aigenda.app.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.aigenda.app.SharedFolder;
import io.aigenda.contracts.DiarizationDocument;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.diarization.Diarizer;
import io.aigenda.diarization.eval.DerResult;
import io.aigenda.diarization.eval.DiarizationErrorRate;
import io.aigenda.diarization.eval.RttmFiles;
import io.aigenda.diarization.eval.TimeSpan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aigenda eval diarization [FOLDERS...]}: diarization error rate of every recording named
 * in an RTTM reference ({@code <file id>.wav} beside it), scored within the UEM when a
 * {@code .uem} file is there too.
 */
@Command(name = "diarization", description = "Diarization error rate (DER) against RTTM references.")
public class EvalDiarizationCommand implements Callable<Integer> {

	@Parameters(arity = "0..*", paramLabel = "FOLDER",
			description = "Folders with .rttm references and their recordings (default: eval-dev/diarization).")
	List<Path> folders;

	@Option(names = "--collar", defaultValue = "0.25",
			description = "Seconds around reference boundaries not scored (default: ${DEFAULT-VALUE}).")
	double collar;

	@Override
	public Integer call() {
		List<Path> roots = (this.folders == null || this.folders.isEmpty())
				? List.of(SharedFolder.evalDev("diarization")) : this.folders;
		List<Case> cases = cases(roots);
		if (cases.isEmpty()) {
			throw new IllegalArgumentException("No .rttm reference with its recording beside it in " + roots);
		}
		evaluate(cases, new DiarizationErrorRate(this.collar), System.out);
		return 0;
	}

	static DerResult evaluate(List<Case> cases, DiarizationErrorRate scorer, PrintStream out) {
		DerResult total = null;
		double audioSeconds = 0;
		double processingSeconds = 0;
		try (Diarizer diarizer = Diarizer.withDefaults()) {
			for (Case item : cases) {
				long started = System.nanoTime();
				DiarizationDocument hypothesis = diarizer.diarize(item.audio(), null, null);
				double seconds = (System.nanoTime() - started) / 1e9;
				DerResult result = scorer.compute(item.reference(), hypothesis.turns(), item.uem());
				long referenceSpeakers = item.reference().stream().map(SpeakerTurn::speaker).distinct().count();
				out.printf(Locale.ROOT, "%s: %s; speakers %d found, %d in the reference; real-time factor %.3f%n",
						item.name(), result, hypothesis.speakers().size(), referenceSpeakers,
						seconds / Math.max(hypothesis.durationSeconds(), 1e-9));
				total = (total == null) ? result : total.plus(result);
				audioSeconds += hypothesis.durationSeconds();
				processingSeconds += seconds;
			}
		}
		out.printf(Locale.ROOT, "overall: %s over %d recordings, real-time factor %.3f%n", total, cases.size(),
				processingSeconds / Math.max(audioSeconds, 1e-9));
		return total;
	}

	/** Every file id of every RTTM under the folders that has a WAV beside the RTTM. */
	static List<Case> cases(List<Path> roots) {
		List<Case> cases = new ArrayList<>();
		for (Path root : roots) {
			for (Path rttm : find(root, ".rttm")) {
				Map<String, List<TimeSpan>> uem = new HashMap<>();
				for (Path file : find(rttm.getParent(), ".uem")) {
					uem.putAll(RttmFiles.readUem(file));
				}
				RttmFiles.read(rttm).forEach((id, turns) -> {
					Path audio = rttm.resolveSibling(id + ".wav");
					if (Files.isRegularFile(audio)) {
						cases.add(new Case(rttm.getParent().getFileName() + "/" + id, audio, turns, uem.get(id)));
					}
				});
			}
		}
		return cases;
	}

	private static List<Path> find(Path folder, String extension) {
		if (!Files.isDirectory(folder)) {
			throw new IllegalArgumentException("No such folder: " + folder);
		}
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(f -> f.getFileName().toString().endsWith(extension)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + folder + ": " + ex.getMessage(), ex);
		}
	}

	/** @param uem scored spans, or {@code null} to score from the first to the last turn */
	record Case(String name, Path audio, List<SpeakerTurn> reference, List<TimeSpan> uem) {
	}

}
