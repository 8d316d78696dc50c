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
import io.aigenda.diarization.DiarizationProperties;
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

	@Option(names = "--synthetic",
			description = "Besides the RTTM folders, score meetings built from the dev recordings (1 to 12 speakers, 30 s to 5 min, with and without overlap).")
	boolean synthetic;

	@Option(names = "--seed", defaultValue = "1",
			description = "Seed of the synthetic meetings (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--write-synthetic", paramLabel = "FOLDER",
			description = "Write the synthetic meetings there as WAV + RTTM, then score them.")
	Path writeSynthetic;

	@Option(names = "--tune",
			description = "Choose the single-speaker tests and the speaker count estimate (margin, nesting) by leave-one-recording-out cross-validation (the single-speaker ASR recordings and their mixes join the set), among settings with which no real recording does worse than the former default, and print the figures of each recording scored with settings chosen without it.")
	boolean tune;

	@Option(names = "--collar", defaultValue = "0.25",
			description = "Seconds around reference boundaries not scored (default: ${DEFAULT-VALUE}).")
	double collar;

	/**
	 * Folders (under eval-dev/diarization) whose recordings the defaults were not tuned
	 * on: their figures are printed apart as the held-out part.
	 */
	static final List<String> HELD_OUT_PREFIXES = List.of("pyannote_sample/", "ami_train/", "faster-whisper_stereo/",
			"picovoice_leopard/", "lhotse_ami_clip/");

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
		boolean defaultFolders = this.folders == null || this.folders.isEmpty();
		List<Path> roots = defaultFolders ? List.of(SharedFolder.evalDev("diarization")) : this.folders;
		List<Case> cases = new ArrayList<>(cases(roots));
		if (defaultFolders) {
			cases.addAll(moreCases(SharedFolder.evalDev("diarization")));
			cases.addAll(LoopedRecordings.build(cases));
		}
		if (cases.isEmpty()) {
			throw new IllegalArgumentException("No .rttm reference with its recording beside it in " + roots);
		}
		if (this.synthetic || this.writeSynthetic != null) {
			List<Case> meetings = SyntheticMeetings.build(SharedFolder.evalDev("diarization").getParent(),
					SyntheticMeetings.DEFAULT, this.seed);
			if (this.writeSynthetic != null) {
				SyntheticMeetings.write(meetings, this.writeSynthetic);
			}
			cases.addAll(meetings);
		}
		if (this.tune) {
			// the single-speaker recordings and their mixes count as real recordings
			// here:
			// the speaker count must hold on them too
			cases.addAll(HeldOutMixes.build(SharedFolder.evalDev("asr"), true));
			Tuning.run(cases, scorer, System.out);
			return 0;
		}
		evaluate(cases, scorer, "overall", System.out);
		if (this.heldOut) {
			evaluate(HeldOutMixes.build(SharedFolder.evalDev("asr")), scorer, "held-out overall", System.out);
		}
		return 0;
	}

	/** A configuration to score: its name and properties. */
	record Configuration(String name, DiarizationProperties properties) {
	}

	/**
	 * The default, the former default (threshold 1.1, no calibrated merge, no
	 * single-speaker test, no count estimate), the calibrated speaker count as an option
	 * (threshold 0.7, calibrated merge 1.3), the default without its count estimate, the
	 * count estimate taken whether or not it nests in the cut (the former option) and the
	 * trivial baseline (all of the default's speech as one speaker).
	 */
	static List<Configuration> systems() {
		DiarizationProperties defaults = DiarizationProperties.defaults();
		DiarizationProperties.Clustering clustering = defaults.clustering();
		return List.of(new Configuration("default", defaults),
				new Configuration("former default", defaults.withClustering(clustering.former())),
				new Configuration("calibrated merge", defaults.withClustering(clustering.calibrated())),
				new Configuration("no count estimate",
						defaults.withClustering(clustering.withCount(clustering.singleSpeakerSeparation(),
								clustering.countMerge(), 0))),
				new Configuration("estimate not nested", defaults.withClustering(clustering.withCountNesting(0))));
	}

	static Scores evaluate(List<Case> cases, DiarizationErrorRate scorer, String total, PrintStream out) {
		return evaluate(cases, scorer, total, out, systems()).get(0);
	}

	/**
	 * Diarizes and scores each case with each system, one line each (and the trivial
	 * one-speaker baseline from the first system's speech), then pooled lines for the
	 * whole set and the held-out part: DER pooled over scored time (also outside
	 * overlapped reference speech), JER averaged over all reference speakers, and how
	 * often the speaker count was right.
	 */
	static List<Scores> evaluate(List<Case> cases, DiarizationErrorRate scorer, String total, PrintStream out,
			List<Configuration> systems) {
		int n = systems.size() + 1;
		Tally[] whole = new Tally[n];
		Tally[] heldOut = new Tally[n];
		for (int k = 0; k < n; k++) {
			whole[k] = new Tally();
			heldOut[k] = new Tally();
		}
		List<Diarizer> diarizers = new ArrayList<>();
		try {
			for (Configuration system : systems) {
				diarizers.add(Diarizer.create(system.properties()));
			}
			for (Case item : cases) {
				boolean held = HELD_OUT_PREFIXES.stream().anyMatch(item.name()::startsWith);
				for (int k = 0; k < n; k++) {
					DiarizationDocument hypothesis;
					double seconds;
					String name;
					if (k < systems.size()) {
						long started = System.nanoTime();
						hypothesis = item.diarize(diarizers.get(k));
						seconds = (System.nanoTime() - started) / 1e9;
						name = systems.get(k).name();
					}
					else {
						hypothesis = oneSpeaker(whole[0].last);
						seconds = 0;
						name = "one speaker";
					}
					Tally.Line line = Tally.score(item, hypothesis, scorer, seconds);
					whole[k].add(line, hypothesis);
					if (held) {
						heldOut[k].add(line, hypothesis);
					}
					out.printf(Locale.ROOT, "%s [%s]: %s%n", item.name(), name, line);
				}
			}
		}
		finally {
			diarizers.forEach(Diarizer::close);
		}
		List<Scores> scores = new ArrayList<>();
		for (int k = 0; k < n; k++) {
			String name = (k < systems.size()) ? systems.get(k).name() : "one speaker";
			out.printf(Locale.ROOT, "%s [%s]: %s%n", total, name, whole[k].summary());
			scores.add(whole[k].scores());
		}
		if (heldOut[0].recordings > 0) {
			for (int k = 0; k < n; k++) {
				String name = (k < systems.size()) ? systems.get(k).name() : "one speaker";
				out.printf(Locale.ROOT, "%s, held-out part [%s]: %s%n", total, name, heldOut[k].summary());
			}
		}
		return scores;
	}

	/** All speech of a diarization as one speaker. */
	static DiarizationDocument oneSpeaker(DiarizationDocument document) {
		List<SpeakerTurn> turns = document.turns()
			.stream()
			.map(t -> new SpeakerTurn(t.start(), t.end(), "S1"))
			.toList();
		return new DiarizationDocument(document.durationSeconds(), "one-speaker",
				turns.isEmpty() ? List.of() : List.of("S1"), turns, Map.of());
	}

	/** Pooled figures of one system over several recordings. */
	static final class Tally {

		DerResult der;

		DerResult derOutsideOverlap;

		JerResult jer;

		int countsRight;

		int recordings;

		double audioSeconds;

		double processingSeconds;

		DiarizationDocument last;

		record Line(DerResult der, DerResult derOutsideOverlap, JerResult jer, int found, long reference,
				double seconds, double duration) {

			@Override
			public String toString() {
				return String.format(Locale.ROOT,
						"%s; outside overlap DER %.2f%%; %s; speakers %d found, %d in the reference; real-time factor %.3f",
						this.der, 100 * this.derOutsideOverlap.der(), this.jer, this.found, this.reference,
						this.seconds / Math.max(this.duration, 1e-9));
			}

		}

		static Line score(Case item, DiarizationDocument hypothesis, DiarizationErrorRate scorer, double seconds) {
			JaccardErrorRate jaccard = new JaccardErrorRate();
			DerResult der = scorer.compute(item.reference(), hypothesis.turns(), item.uem());
			DerResult outside = scorer.compute(item.reference(), hypothesis.turns(),
					outsideOverlap(item.reference(), item.uem(), hypothesis.durationSeconds()));
			JerResult jer = jaccard.compute(item.reference(), hypothesis.turns(), item.uem());
			long referenceSpeakers = item.reference().stream().map(SpeakerTurn::speaker).distinct().count();
			return new Line(der, outside, jer, hypothesis.speakers().size(), referenceSpeakers, seconds,
					hypothesis.durationSeconds());
		}

		void add(Line line, DiarizationDocument hypothesis) {
			this.der = (this.der == null) ? line.der() : this.der.plus(line.der());
			this.derOutsideOverlap = (this.derOutsideOverlap == null) ? line.derOutsideOverlap()
					: this.derOutsideOverlap.plus(line.derOutsideOverlap());
			this.jer = (this.jer == null) ? line.jer() : this.jer.plus(line.jer());
			this.countsRight += (line.found() == line.reference()) ? 1 : 0;
			this.recordings++;
			this.audioSeconds += line.duration();
			this.processingSeconds += line.seconds();
			this.last = hypothesis;
		}

		String summary() {
			return String.format(Locale.ROOT,
					"%s; outside overlap DER %.2f%%; %s over %d recordings; speaker count right in %d of %d; real-time factor %.3f",
					this.der, 100 * this.derOutsideOverlap.der(), this.jer, this.recordings, this.countsRight,
					this.recordings, this.processingSeconds / Math.max(this.audioSeconds, 1e-9));
		}

		Scores scores() {
			return new Scores(this.der, this.jer, this.countsRight);
		}

	}

	/**
	 * The scored region (the UEM, or the whole recording) less the stretches where two or
	 * more reference speakers talk at once.
	 */
	static List<TimeSpan> outsideOverlap(List<SpeakerTurn> reference, List<TimeSpan> uem, double duration) {
		double last = reference.stream().mapToDouble(SpeakerTurn::end).max().orElse(0);
		List<TimeSpan> region = (uem != null && !uem.isEmpty()) ? uem
				: List.of(new TimeSpan(0, Math.max(duration, last)));
		java.util.TreeMap<Double, Integer> changes = new java.util.TreeMap<>();
		for (SpeakerTurn t : reference) {
			changes.merge(t.start(), 1, Integer::sum);
			changes.merge(t.end(), -1, Integer::sum);
		}
		List<TimeSpan> overlaps = new ArrayList<>();
		int active = 0;
		Double from = null;
		for (var change : changes.entrySet()) {
			active += change.getValue();
			if (active >= 2 && from == null) {
				from = change.getKey();
			}
			else if (active < 2 && from != null) {
				overlaps.add(new TimeSpan(from, change.getKey()));
				from = null;
			}
		}
		List<TimeSpan> result = new ArrayList<>();
		for (TimeSpan span : region) {
			double start = span.start();
			for (TimeSpan o : overlaps) {
				if (o.end() <= start || o.start() >= span.end()) {
					continue;
				}
				if (o.start() > start) {
					result.add(new TimeSpan(start, o.start()));
				}
				start = Math.max(start, o.end());
			}
			if (span.end() > start) {
				result.add(new TimeSpan(start, span.end()));
			}
		}
		// an empty list would mean "no UEM": keep a zero-length span instead
		return result.isEmpty() ? List.of(new TimeSpan(0, 0)) : result;
	}

	/**
	 * The eval-dev recordings under {@code more/} that come without an RTTM, with the
	 * references kept in this module ({@code eval/diarization/*.rttm}).
	 */
	static List<Case> moreCases(Path diarization) {
		List<Case> cases = new ArrayList<>();
		for (String[] entry : new String[][] { { "picovoice_leopard", "diarization_test" },
				{ "lhotse_ami_clip", "ES2011a.Headset-0-40s-46s" } }) {
			Path audio = diarization.resolve("more").resolve(entry[0]).resolve(entry[1] + ".wav");
			if (!Files.isRegularFile(audio)) {
				continue;
			}
			try (var in = EvalDiarizationCommand.class.getResourceAsStream("diarization/" + entry[1] + ".rttm")) {
				Path rttm = Files.createTempFile("reference", ".rttm");
				try {
					Files.write(rttm, in.readAllBytes());
					cases.add(new Case(entry[0] + "/" + entry[1], audio, RttmFiles.read(rttm).get(entry[1]), null));
				}
				finally {
					Files.deleteIfExists(rttm);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the reference of " + audio, ex);
			}
		}
		return cases;
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

		/** The recording, decoded when it is a file. */
		io.aigenda.audio.AudioSource source() {
			return (this.samples != null) ? this.samples : io.aigenda.audio.AudioDecoders.detect().decode(this.audio);
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
