package io.aigenda.mlcontroller.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.Word;
import io.aigenda.contracts.internal.Answer;
import io.aigenda.contracts.internal.Passage;
import io.aigenda.mlcontroller.vector.LuceneVectorStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calibrates the ask threshold on the QMSum dev meetings: each specific query asked of
 * its own meeting (answered there: the annotated span) and of a meeting of another domain
 * (not answered). Prints, per lexical weight, how often the top 3 sentences hit the
 * annotated span, and the found/not-found accuracy of the threshold chosen by
 * leave-one-meeting-out cross-validation beside always answering. Run with
 * {@code -Daigenda.calibrate=true}.
 */
@EnabledIfSystemProperty(named = "aigenda.calibrate", matches = "true")
class AnswerScoreCalibrationTest {

	private static final double[] WEIGHTS = { 0.0, 0.1, 0.2, 0.3, 0.4, 0.5 };

	@TempDir
	Path folder;

	record Meeting(String name, String family, MeetingTranscript transcript, List<double[]> turnTimes,
			List<JsonNode> queries) {
	}

	@Test
	void calibrate() throws IOException {
		Path qmsum = Path.of(System.getProperty("aigenda.shared"), "eval-dev/summarization/qmsum");
		List<Meeting> meetings = new ArrayList<>();
		try (Stream<Path> files = Files.list(qmsum)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
				meetings.add(meeting(file));
			}
		}
		TextEmbedder embedder = new TextEmbedder(SearchProperties.defaults());
		try (LuceneVectorStore store = new LuceneVectorStore(this.folder)) {
			Map<String, UUID> ids = new HashMap<>();
			MeetingSearch indexer = new MeetingSearch(store, embedder, SearchProperties.defaults());
			for (Meeting m : meetings) {
				UUID id = UUID.nameUUIDFromBytes(m.name().getBytes());
				ids.put(m.name(), id);
				indexer.index(id, id, m.transcript(), null);
			}
			for (double weight : WEIGHTS) {
				MeetingSearch search = new MeetingSearch(store, embedder,
						new SearchProperties(true, "", "", "", 30, 0.0, weight, -100));
				List<double[]> positives = new ArrayList<>();
				List<double[]> negatives = new ArrayList<>();
				int hits = 0;
				int queries = 0;
				for (int i = 0; i < meetings.size(); i++) {
					Meeting m = meetings.get(i);
					List<Meeting> others = meetings.stream().filter(o -> !o.family().equals(m.family())).toList();
					Meeting other = others.get(i % others.size());
					UUID own = ids.get(m.name());
					UUID elsewhere = ids.get(other.name());
					for (JsonNode q : m.queries()) {
						String question = q.path("query").asString();
						Answer answer = search.ask(own, own, question, 3);
						positives.add(new double[] { i, answer.citations().get(0).score() });
						queries++;
						if (hit(answer.citations(), q.path("relevant_text_span"), m.turnTimes())) {
							hits++;
						}
						Answer wrong = search.ask(elsewhere, elsewhere, question, 1);
						negatives.add(new double[] { i, wrong.citations().get(0).score() });
					}
				}
				int correct = 0;
				for (int fold = 0; fold < meetings.size(); fold++) {
					int held = fold;
					double threshold = best(positives.stream().filter(p -> p[0] != held).toList(),
							negatives.stream().filter(p -> p[0] != held).toList());
					correct += (int) positives.stream().filter(p -> p[0] == held && p[1] >= threshold).count();
					correct += (int) negatives.stream().filter(p -> p[0] == held && p[1] < threshold).count();
				}
				double whole = best(positives, negatives);
				System.out.printf(Locale.ROOT,
						"lexicalWeight %.1f: top-3 hit the annotated span %d/%d (%.3f); found/not found "
								+ "accuracy (leave one meeting out) %.3f vs always found %.3f; threshold on all %.2f "
								+ "(accuracy %.3f)%n",
						weight, hits, queries, (double) hits / queries, (double) correct / (2.0 * queries), 0.5, whole,
						accuracy(positives, negatives, whole));
			}
		}
	}

	private static double best(List<double[]> positives, List<double[]> negatives) {
		double best = 0;
		double bestAccuracy = -1;
		for (int t = 0; t <= 150; t++) {
			double threshold = t / 100.0;
			double accuracy = accuracy(positives, negatives, threshold);
			if (accuracy > bestAccuracy) {
				bestAccuracy = accuracy;
				best = threshold;
			}
		}
		return best;
	}

	private static double accuracy(List<double[]> positives, List<double[]> negatives, double threshold) {
		double tp = positives.stream().filter(p -> p[1] >= threshold).count() / (double) positives.size();
		double tn = negatives.stream().filter(p -> p[1] < threshold).count() / (double) negatives.size();
		return (tp + tn) / 2;
	}

	private static boolean hit(List<Passage> citations, JsonNode spans, List<double[]> turnTimes) {
		for (Passage p : citations) {
			for (JsonNode span : spans) {
				int from = Integer.parseInt(span.get(0).asString());
				int to = Math.min(Integer.parseInt(span.get(1).asString()), turnTimes.size() - 1);
				if (from < turnTimes.size() && p.start() >= turnTimes.get(from)[0] - 1e-6
						&& p.start() <= turnTimes.get(to)[1] + 1e-6) {
					return true;
				}
			}
		}
		return false;
	}

	private static Meeting meeting(Path file) throws IOException {
		JsonNode root = JsonMapper.builder().build().readTree(Files.readString(file));
		String name = file.getFileName().toString().replace(".json", "");
		String family = name.startsWith("B") ? "academic" : name.startsWith("ES") ? "product" : "committee";
		List<Word> words = new ArrayList<>();
		List<double[]> turnTimes = new ArrayList<>();
		Map<String, String> labels = new HashMap<>();
		double time = 0;
		for (JsonNode turn : root.path("meeting_transcripts")) {
			String speaker = labels.computeIfAbsent(turn.path("speaker").asString(), s -> "S" + (labels.size() + 1));
			double start = time;
			for (String token : turn.path("content").asString().strip().split("\\s+")) {
				if (token.isEmpty()) {
					continue;
				}
				if (token.matches("\\p{Punct}+") && !words.isEmpty()) {
					Word last = words.remove(words.size() - 1);
					words.add(new Word(last.start(), last.end(), last.text() + token, 0.9, last.speaker()));
					continue;
				}
				words.add(new Word(time, time + 0.3, token, 0.9, speaker));
				time += 0.3;
			}
			turnTimes.add(new double[] { start, time });
			time += 1.0;
		}
		List<JsonNode> queries = new ArrayList<>();
		root.path("specific_query_list").forEach(queries::add);
		return new Meeting(name, family,
				new MeetingTranscript(Language.EN, time, List.copyOf(labels.values()), words, List.of()), turnTimes,
				queries);
	}

}
