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
import io.aigenda.audio.Audio;
import io.aigenda.contracts.DiarizationDocument;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.diarization.Diarizer;
import io.aigenda.diarization.eval.DerResult;
import io.aigenda.diarization.eval.DiarizationErrorRate;
import io.aigenda.diarization.eval.JaccardErrorRate;
import io.aigenda.diarization.eval.JerResult;
import io.aigenda.diarization.eval.RttmFiles;
import io.aigenda.diarization.eval.TimeSpan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aigenda eval diarization [FOLDERS...]}: diarization error rate (DER) and Jaccard
 * error rate (JER) of every recording named in an RTTM reference ({@code <file id>.wav}
 * beside it), scored within the UEM when a {@code .uem} file is there too;
 * {@code --audio A --rttm R} scores one recording; {@code --held-out} scores mixes of
 * recordings diarization is not tuned on.
 */
@Command(name = "diarization",
		description = "Diarization error rate (DER) and Jaccard error rate (JER) against RTTM references.")
public class EvalDiarizationCommand implements Callable<Integer> {

	@Parameters(arity = "0..*", paramLabel = "FOLDER",
			description = "Folders with .rttm references and their recordings (default: eval-dev/diarization).")
	List<Path> folders;

	@Option(names = "--audio", paramLabel = "FILE", description = "One recording to score (with --rttm).")
	Path audio;

	@Option(names = "--rttm", paramLabel = "FILE",
			description = "The reference of --audio: its file id is the recording's name, or the RTTM's only one.")
	Path rttm;

	@Option(names = "--uem", paramLabel = "FILE", description = "Scored regions of --audio (optional).")
	Path uem;

	@Option(names = "--held-out",
			description = "Besides the RTTM folders, score single-speaker recordings of eval-dev/asr alone and mixed by twos and threes.")
	boolean heldOut;

	@Option(names = "--collar", defaultValue = "0.25",
			description = "Seconds around reference boundaries not scored (default: ${DEFAULT-VALUE}).")
	double collar;

	@Override
	public Integer call() {
		DiarizationErrorRate scorer = new DiarizationErrorRate(this.collar);
		if (this.audio != null || this.rttm != null) {
			if (this.audio == null || this.rttm == null) {
				throw new IllegalArgumentException("--audio and --rttm go together");
			}
			evaluate(List.of(single(this.audio, this.rttm, this.uem)), scorer, "overall", System.out);
			return 0;
		}
		List<Path> roots = (this.folders == null || this.folders.isEmpty())
				? List.of(SharedFolder.evalDev("diarization")) : this.folders;
		List<Case> cases = cases(roots);
		if (cases.isEmpty()) {
			throw new IllegalArgumentException("No .rttm reference with its recording beside it in " + roots);
		}
		evaluate(cases, scorer, "overall", System.out);
		if (this.heldOut) {
			evaluate(HeldOutMixes.build(SharedFolder.evalDev("asr")), scorer, "held-out overall", System.out);
		}
		return 0;
	}

	/**
	 * Diarizes and scores each case, one line each, then a pooled line: DER pooled over
	 * scored time, JER averaged over all reference speakers, and how often the speaker
	 * count was right.
	 */
	static Scores evaluate(List<Case> cases, DiarizationErrorRate scorer, String total, PrintStream out) {
		JaccardErrorRate jaccard = new JaccardErrorRate();
		DerResult der = null;
		JerResult jer = null;
		int countsRight = 0;
		double audioSeconds = 0;
		double processingSeconds = 0;
		try (Diarizer diarizer = Diarizer.withDefaults()) {
			for (Case item : cases) {
				long started = System.nanoTime();
				DiarizationDocument hypothesis = item.diarize(diarizer);
				double seconds = (System.nanoTime() - started) / 1e9;
				DerResult derResult = scorer.compute(item.reference(), hypothesis.turns(), item.uem());
				JerResult jerResult = jaccard.compute(item.reference(), hypothesis.turns(), item.uem());
				long referenceSpeakers = item.reference().stream().map(SpeakerTurn::speaker).distinct().count();
				out.printf(Locale.ROOT, "%s: %s; %s; speakers %d found, %d in the reference; real-time factor %.3f%n",
						item.name(), derResult, jerResult, hypothesis.speakers().size(), referenceSpeakers,
						seconds / Math.max(hypothesis.durationSeconds(), 1e-9));
				der = (der == null) ? derResult : der.plus(derResult);
				jer = (jer == null) ? jerResult : jer.plus(jerResult);
				countsRight += (hypothesis.speakers().size() == referenceSpeakers) ? 1 : 0;
				audioSeconds += hypothesis.durationSeconds();
				processingSeconds += seconds;
			}
		}
		out.printf(Locale.ROOT,
				"%s: %s; %s over %d recordings; speaker count right in %d of %d; real-time factor %.3f%n", total, der,
				jer, cases.size(), countsRight, cases.size(), processingSeconds / Math.max(audioSeconds, 1e-9));
		return new Scores(der, jer, countsRight);
	}

	/**
	 * One recording and its turns in an RTTM: the file id of the recording's name, or the
	 * only one.
	 */
	static Case single(Path audio, Path rttm, Path uem) {
		if (!Files.isRegularFile(audio)) {
			throw new IllegalArgumentException("No such recording: " + audio);
		}
		Map<String, List<SpeakerTurn>> references = RttmFiles.read(rttm);
		String name = audio.getFileName().toString();
		String id = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
		if (!references.containsKey(id)) {
			if (references.size() != 1) {
				throw new IllegalArgumentException(
						"No turns for '" + id + "' in " + rttm + " (it has " + references.keySet() + ")");
			}
			id = references.keySet().iterator().next();
		}
		List<TimeSpan> scored = (uem != null) ? RttmFiles.readUem(uem).get(id) : null;
		return new Case(id, audio, references.get(id), scored);
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

	/**
	 * @param audio the recording's file, or {@code null} when {@code samples} holds it
	 * @param uem scored spans, or {@code null} to score from the first to the last turn
	 * @param samples the recording built in memory, or {@code null}
	 */
	record Case(String name, Path audio, List<SpeakerTurn> reference, List<TimeSpan> uem, Audio samples) {

		Case(String name, Path audio, List<SpeakerTurn> reference, List<TimeSpan> uem) {
			this(name, audio, reference, uem, null);
		}

		DiarizationDocument diarize(Diarizer diarizer) {
			return (this.samples != null) ? diarizer.diarize(this.samples, null, null)
					: diarizer.diarize(this.audio, null, null);
		}

	}

	/**
	 * What {@link #evaluate} printed last: pooled DER and JER, recordings with the right
	 * speaker count.
	 */
	record Scores(DerResult der, JerResult jer, int speakerCountsRight) {
	}

}
