package io.aigenda.llm.generative;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.aigenda.contracts.Minutes;
import io.aigenda.contracts.Minutes.ActionItem;
import io.aigenda.contracts.Minutes.Decision;
import io.aigenda.contracts.Minutes.Topic;

/**
 * Ties a model's minutes of one topic block back to the transcript: a model copies times
 * and names loosely (or makes them up), so every time and speaker comes from a turn of
 * the block, an owner only stays when the meeting named that person, and repeated items
 * are written once.
 */
final class Grounding {

	/**
	 * Two items sharing this share of the shorter one's words say the same thing (a
	 * decision restated in the next block, an action item listed twice, one a rewording
	 * of the other).
	 */
	private static final double SAME_ITEM = 0.8;

	private Grounding() {
	}

	/**
	 * The draft of one block with times inside the block, speakers of the block and
	 * owners the transcript names, every part marked as written by the language model.
	 * @param names the meeting's speaker names and every word said in it, lower case
	 */
	static Minutes block(Minutes draft, List<Turn> block, Set<String> names) {
		double from = block.get(0).start();
		double to = block.get(block.size() - 1).end();
		Set<String> speakers = new HashSet<>();
		block.forEach(t -> speakers.add(t.speaker()));
		List<Topic> topics = new ArrayList<>();
		for (Topic topic : draft.topics()) {
			double start = clamp(topic.start(), from, to);
			double end = clamp(topic.end(), from, to);
			topics.add(
					new Topic(topic.title(), Math.min(start, end), Math.max(start, end), topic.summary(), Minutes.LLM));
		}
		if (topics.isEmpty()) {
			String title = title(draft.summary());
			topics.add(new Topic(title.isEmpty() ? title(block.get(0).text()) : title, from, to, draft.summary(),
					Minutes.LLM));
		}
		List<Decision> decisions = new ArrayList<>();
		for (Decision decision : draft.decisions()) {
			Turn said = anchor(decision.text(), decision.start(), block);
			decisions.add(new Decision(decision.text(), speaker(decision.speaker(), said, speakers), said.start(),
					Minutes.LLM));
		}
		List<ActionItem> actions = new ArrayList<>();
		for (ActionItem action : draft.actionItems()) {
			Turn said = anchor(action.text(), action.start(), block);
			actions.add(new ActionItem(action.text(), owner(action.owner(), names), blankToNull(action.due()),
					speaker(action.speaker(), said, speakers), said.start(), Minutes.LLM));
		}
		return new Minutes(draft.language(), draft.engine(), draft.summary(), topics, decisions, actions,
				draft.warnings(), Minutes.LLM);
	}

	/** Every part of extractive minutes marked as such. */
	static Minutes extractive(Minutes minutes) {
		return new Minutes(minutes.language(), minutes.engine(), minutes.summary(),
				minutes.topics()
					.stream()
					.map(t -> new Topic(t.title(), t.start(), t.end(), t.summary(), Minutes.EXTRACTIVE))
					.toList(),
				minutes.decisions()
					.stream()
					.map(d -> new Decision(d.text(), d.speaker(), d.start(), Minutes.EXTRACTIVE))
					.toList(),
				minutes.actionItems()
					.stream()
					.map(a -> new ActionItem(a.text(), a.owner(), a.due(), a.speaker(), a.start(), Minutes.EXTRACTIVE))
					.toList(),
				minutes.warnings(), Minutes.EXTRACTIVE);
	}

	/**
	 * Speaker labels and every word of the transcript, lower case: the names it holds.
	 */
	static Set<String> names(List<Turn> turns) {
		Set<String> names = new HashSet<>();
		for (Turn turn : turns) {
			if (turn.speaker() != null) {
				names.add(turn.speaker().toLowerCase(Locale.ROOT));
			}
			names.addAll(words(turn.text()));
		}
		return names;
	}

	/**
	 * Decisions in time order, each said once; a repeat adds only what the first lacked.
	 */
	static List<Decision> distinctDecisions(List<Decision> decisions) {
		List<Decision> kept = new ArrayList<>();
		List<Set<String>> seen = new ArrayList<>();
		for (Decision decision : sorted(decisions, Decision::start)) {
			Set<String> words = words(decision.text());
			if (indexOfSame(words, seen) < 0) {
				kept.add(decision);
				seen.add(words);
			}
		}
		return kept;
	}

	static List<ActionItem> distinctActions(List<ActionItem> actions) {
		List<ActionItem> kept = new ArrayList<>();
		List<Set<String>> seen = new ArrayList<>();
		for (ActionItem action : sorted(actions, ActionItem::start)) {
			Set<String> words = words(action.text());
			int same = indexOfSame(words, seen);
			if (same < 0) {
				kept.add(action);
				seen.add(words);
			}
			else {
				ActionItem first = kept.get(same);
				kept.set(same,
						new ActionItem(first.text(), first.owner() != null ? first.owner() : action.owner(),
								first.due() != null ? first.due() : action.due(), first.speaker(), first.start(),
								first.generator()));
			}
		}
		return kept;
	}

	/**
	 * The turn an item was said in: the one sharing most words with it (at least two),
	 * else the one at the model's time when that lies in the block, else the block's
	 * first.
	 */
	static Turn anchor(String text, double time, List<Turn> block) {
		Set<String> words = words(text);
		Turn best = null;
		int bestShared = 1;
		for (Turn turn : block) {
			Set<String> shared = new HashSet<>(words(turn.text()));
			shared.retainAll(words);
			if (shared.size() > bestShared) {
				best = turn;
				bestShared = shared.size();
			}
		}
		if (best != null) {
			return best;
		}
		Turn at = block.get(0);
		for (Turn turn : block) {
			if (turn.start() <= time) {
				at = turn;
			}
		}
		return at;
	}

	private static String speaker(String claimed, Turn said, Set<String> speakers) {
		return claimed != null && speakers.contains(claimed) ? claimed : said.speaker();
	}

	/** The owner when the meeting names that person (a speaker label or words said). */
	private static String owner(String owner, Set<String> names) {
		if (owner == null || owner.isBlank()) {
			return null;
		}
		Set<String> words = words(owner);
		if (names.contains(owner.strip().toLowerCase(Locale.ROOT)) || (!words.isEmpty() && names.containsAll(words))) {
			return owner.strip();
		}
		return null;
	}

	private static int indexOfSame(Set<String> words, List<Set<String>> seen) {
		for (int i = 0; i < seen.size(); i++) {
			Set<String> other = seen.get(i);
			Set<String> shared = stems(words);
			shared.retainAll(stems(other));
			int smaller = Math.min(words.size(), other.size());
			if (words.equals(other) || (smaller >= 2 && shared.size() >= SAME_ITEM * smaller)) {
				return i;
			}
		}
		return -1;
	}

	/** First five letters of each word: "supplier's" and "suppliers" are one word. */
	private static Set<String> stems(Set<String> words) {
		Set<String> stems = new HashSet<>();
		words.forEach(w -> stems.add(w.length() > 5 ? w.substring(0, 5) : w));
		return stems;
	}

	private static <T> List<T> sorted(List<T> items, java.util.function.ToDoubleFunction<T> start) {
		List<T> sorted = new ArrayList<>(items);
		sorted.sort(java.util.Comparator.comparingDouble(start));
		return sorted;
	}

	/**
	 * Lower-case words of three letters or more: short words say little about sameness.
	 */
	static Set<String> words(String text) {
		Set<String> words = new LinkedHashSet<>();
		if (text == null) {
			return words;
		}
		for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (word.length() >= 3 || word.chars().anyMatch(Character::isDigit)) {
				words.add(word);
			}
		}
		return words;
	}

	/** A title from the block's summary when the model gave no topic: its first words. */
	private static String title(String summary) {
		String[] words = summary.strip().split("\\s+");
		String title = String.join(" ", java.util.Arrays.asList(words).subList(0, Math.min(6, words.length)));
		return title.replaceAll("[.,;:!?]+$", "");
	}

	private static double clamp(double value, double from, double to) {
		return Math.max(from, Math.min(to, value));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
