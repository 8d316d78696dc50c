package io.aigenda.llm.topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.aigenda.contracts.Language;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * TextTiling on words: each side of a gap is a bag of stemmed content words (Lucene's
 * English Porter or Russian Snowball analyzer, stop words and meeting fillers removed),
 * compared by cosine. Needs no model, so it serves every language the encoder does not.
 */
public final class LexicalTopicSegmenter implements TopicSegmenter {

	// Fillers carry no topic; Lucene's stop lists do not know them.
	private static final List<String> EN_FILLERS = List.of("um", "uh", "mm", "hmm", "mhm", "okay", "ok", "yeah", "yes",
			"yep", "right", "like", "gonna", "wanna", "well", "really", "actually", "know", "think", "mean", "sort",
			"kind", "maybe", "oh", "ah", "just", "so", "um-hmm", "mm-hmm", "uh-huh", "i", "you", "we", "it's", "that's",
			"i'm", "don't", "can", "would", "could", "get", "got", "go", "going", "one", "do", "did", "have", "has",
			"what", "which", "how", "all", "about", "me", "my", "our", "us", "your", "he", "she", "they", "them",
			"from", "more", "some", "also", "good", "thing", "things", "something", "bit", "lot", "say", "see");

	private static final List<String> RU_FILLERS = List.of("ну", "вот", "как", "бы", "это", "так", "ага", "угу", "да",
			"нет", "значит", "типа", "короче", "вообще", "просто", "давайте", "давай", "ладно", "окей", "понятно",
			"наверное", "кстати", "хорошо", "можно", "нужно", "надо", "сейчас", "там", "тут", "вроде");

	private final GapScoring scoring;

	public LexicalTopicSegmenter(TopicOptions options) {
		this.scoring = new GapScoring(options);
	}

	@Override
	public String name() {
		return TopicOptions.LEXICAL;
	}

	@Override
	public List<Integer> boundaries(List<Utterance> utterances) {
		List<List<String>> terms = new ArrayList<>();
		try (Analyzer analyzer = analyzer(Texts.language(utterances) == Language.RU)) {
			for (Utterance utterance : utterances) {
				terms.add(terms(analyzer, Texts.clean(utterance.text())));
			}
		}
		return this.scoring.boundaries(utterances,
				(leftFrom, gap, rightTo) -> cosine(count(terms, leftFrom, gap), count(terms, gap, rightTo)));
	}

	static Analyzer analyzer(boolean russian) {
		if (russian) {
			CharArraySet stop = CharArraySet.copy(RussianAnalyzer.getDefaultStopSet());
			stop.addAll(RU_FILLERS);
			return new RussianAnalyzer(stop);
		}
		CharArraySet stop = CharArraySet.copy(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
		stop.addAll(EN_FILLERS);
		return new EnglishAnalyzer(stop);
	}

	static List<String> terms(Analyzer analyzer, String text) {
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("text", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				String value = term.toString();
				if (value.length() > 1 && !value.chars().allMatch(Character::isDigit)) {
					terms.add(value);
				}
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return terms;
	}

	private static Map<String, Integer> count(List<List<String>> terms, int from, int to) {
		Map<String, Integer> counts = new HashMap<>();
		for (int i = from; i < to; i++) {
			terms.get(i).forEach(t -> counts.merge(t, 1, Integer::sum));
		}
		return counts;
	}

	static double cosine(Map<String, Integer> a, Map<String, Integer> b) {
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		double dot = 0;
		for (Map.Entry<String, Integer> entry : a.entrySet()) {
			dot += entry.getValue() * (double) b.getOrDefault(entry.getKey(), 0);
		}
		return dot / (norm(a) * norm(b));
	}

	private static double norm(Map<String, Integer> vector) {
		double sum = 0;
		for (int count : vector.values()) {
			sum += (double) count * count;
		}
		return Math.sqrt(sum);
	}

}
