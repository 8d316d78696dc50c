package io.aigenda.app.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.aigenda.app.SharedFolder;
import io.aigenda.llm.topics.SegmentationMetrics;
import io.aigenda.llm.topics.SegmentedDocument;
import io.aigenda.llm.topics.TopicEvaluation;
import io.aigenda.llm.topics.TopicOptions;
import io.aigenda.llm.topics.TopicSegmenter;
import io.aigenda.llm.topics.TopicSegmenters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code aigenda eval topics [--qmsum FILE.json]... [--choi FILE.ref]... [--out DIR]}: Pk
 * and WindowDiff of the topic segmenters against reference boundaries. Without files it
 * scores every development meeting (eval-dev/topics and the QMSum meetings under
 * eval-dev/summarization) with the topic count and minimum length chosen by
 * leave-one-meeting-out cross-validation, beside the no-boundary and uniform baselines
 * and the former default.
 */
@Command(name = "topics", description = "Topic segmentation: Pk and WindowDiff against reference boundaries.")
public class EvalTopicsCommand implements Callable<Integer> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Option(names = "--qmsum", paramLabel = "FILE.json",
			description = "QMSum meeting(s) (default, when no file is given: eval-dev/topics/*.json).")
	List<Path> qmsum = new ArrayList<>();

	@Option(names = "--choi", paramLabel = "FILE.ref", description = "Choi-format document(s).")
	List<Path> choi = new ArrayList<>();

	@Option(names = "--segmenter", split = ",", defaultValue = "embedding,lexical,cues",
			description = "Segmenters to score, comma-separated: embedding, lexical, cues (default: ${DEFAULT-VALUE}).")
	List<String> segmenters;

	@Option(names = "--out", paramLabel = "DIR",
			description = "Write each document's predicted boundaries to DIR/<meeting>.json "
					+ "(DIR/<meeting>.<segmenter>.json when several segmenters are scored).")
	Path out;

	@Override
	public Integer call() {
		List<SegmentedDocument> documents = new ArrayList<>();
		if (this.qmsum.isEmpty() && this.choi.isEmpty()) {
			// every development meeting: cross-validated calibration beside the baselines
			jsonFiles(SharedFolder.evalDev("topics")).forEach(f -> documents.add(SegmentedDocument.readQmsum(f)));
			Path more = SharedFolder.evalDev("summarization").resolve("qmsum");
			if (Files.isDirectory(more)) {
				jsonFiles(more).forEach(f -> documents.add(SegmentedDocument.readQmsum(f)));
			}
			if (documents.isEmpty()) {
				throw new IllegalArgumentException(
						"No QMSum meeting in eval-dev/topics or eval-dev/summarization/qmsum");
			}
			TopicEvaluation.run(documents, this.segmenters.stream().map(String::strip).toList(), System.out);
			return 0;
		}
		this.qmsum.forEach(f -> documents.add(SegmentedDocument.readQmsum(f)));
		this.choi.forEach(f -> documents.add(SegmentedDocument.readChoi(f)));
		if (documents.isEmpty()) {
			throw new IllegalArgumentException("No QMSum meeting in eval-dev/topics");
		}
		List<TopicSegmenter> chosen = new ArrayList<>();
		for (String name : this.segmenters) {
			chosen.add(TopicSegmenters.create(TopicOptions.defaults().withSegmenter(name.strip())));
		}
		evaluate(documents, chosen, this.out, System.out);
		return 0;
	}

	/**
	 * Scores every segmenter on every document; returns mean Pk and WindowDiff per
	 * segmenter.
	 */
	static Map<String, double[]> evaluate(List<SegmentedDocument> documents, List<TopicSegmenter> segmenters, Path out,
			PrintStream console) {
		Map<String, double[]> totals = new LinkedHashMap<>();
		for (SegmentedDocument document : documents) {
			int n = document.utterances().size();
			// a segmenter that finds nothing scores this; one worth using scores lower
			console.printf(Locale.ROOT, "%s [no boundaries]: Pk %.3f, WindowDiff %.3f%n", document.name(),
					SegmentationMetrics.pk(document.reference(), List.of(), n),
					SegmentationMetrics.windowDiff(document.reference(), List.of(), n));
			List<Integer> uniform = TopicEvaluation.uniform(document, TopicOptions.defaults());
			console.printf(Locale.ROOT, "%s [uniform]: Pk %.3f, WindowDiff %.3f%n", document.name(),
					SegmentationMetrics.pk(document.reference(), uniform, n),
					SegmentationMetrics.windowDiff(document.reference(), uniform, n));
		}
		for (TopicSegmenter segmenter : segmenters) {
			double pkSum = 0;
			double wdSum = 0;
			for (SegmentedDocument document : documents) {
				int n = document.utterances().size();
				long started = System.nanoTime();
				List<Integer> predicted = segmenter.boundaries(document.utterances());
				double seconds = (System.nanoTime() - started) / 1e9;
				int k = SegmentationMetrics.defaultK(document.reference(), n);
				double pk = SegmentationMetrics.pk(document.reference(), predicted, n, k);
				double wd = SegmentationMetrics.windowDiff(document.reference(), predicted, n, k);
				pkSum += pk;
				wdSum += wd;
				console.printf(Locale.ROOT,
						"%s [%s]: Pk %.3f, WindowDiff %.3f (k=%d, %d units, reference %s, predicted %s) in %.1f s%n",
						document.name(), segmenter.name(), pk, wd, k, n, document.reference(), predicted, seconds);
				if (out != null) {
					String file = segmenters.size() == 1 ? document.name() + ".json"
							: document.name() + "." + segmenter.name() + ".json";
					write(out.resolve(file), document.name(), segmenter.name(), predicted);
				}
			}
			double[] mean = { pkSum / documents.size(), wdSum / documents.size() };
			totals.put(segmenter.name(), mean);
			console.printf(Locale.ROOT, "overall [%s]: Pk %.3f, WindowDiff %.3f over %d documents%n", segmenter.name(),
					mean[0], mean[1], documents.size());
		}
		return totals;
	}

	private static void write(Path file, String meeting, String segmenter, List<Integer> boundaries) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("meeting", meeting);
		document.put("segmenter", segmenter);
		document.put("boundaries", boundaries);
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, JSON.writeValueAsString(document));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static List<Path> jsonFiles(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + folder + ": " + ex.getMessage(), ex);
		}
	}

}
