package io.aigenda.llm.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Boundaries from the structure of a meeting rather than from its vocabulary: the end of
 * the opening (greetings, agenda, a review of the last meeting, petitions) and the
 * phrases with which a chair hands over to the next topic ("we've got some questions now
 * on ...", "the next question", "that was that topic", "another topic"; "следующий
 * вопрос", "перейдём к"). On the dev meetings, word and embedding similarity placed
 * boundaries worse than none at all, while these two kinds of evidence beat both trivial
 * baselines on held-out meetings; where neither is present the meeting is left in one
 * piece after its opening, since with few topics no boundary is a strong answer.
 */
public final class CueTopicSegmenter implements TopicSegmenter {

	/**
	 * Hand-over phrases at the start of a turn. Weaker ones ("move on", "we'll now",
	 * "let's talk about") were tried on the dev meetings and placed more wrong boundaries
	 * than right ones.
	 */
	static final Pattern HAND_OVER = Pattern.compile(
			"\\b(questions? now|next questions?|that was that topic"
					+ "|another topic|next (agenda )?item|next point|next topic)\\b"
					+ "|(следующ(ий|ему|ая|ей|ую) (вопрос|пункт|тем)|перейд[её]м к|переходим к|друг(ая|ую) тем)",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	/** Characters at the start of a turn searched for a hand-over phrase. */
	private static final int CUE_CHARS = 200;

	/** Width of the stretch, as a share of the words, in which the opening may end. */
	private static final double OPENING_WIDTH = 0.04;

	private final TopicOptions options;

	public CueTopicSegmenter(TopicOptions options) {
		this.options = options;
	}

	@Override
	public String name() {
		return TopicOptions.CUES;
	}

	@Override
	public List<Integer> boundaries(List<Utterance> utterances) {
		int n = utterances.size();
		int[] words = new int[n + 1];
		for (int i = 0; i < n; i++) {
			words[i + 1] = words[i] + Math.max(1, utterances.get(i).wordCount());
		}
		double total = words[n];
		if (total < 2 * this.options.minBlockWords()) {
			return List.of();
		}
		List<Integer> gaps = GapScoring.candidateGaps(utterances);
		List<Integer> cued = gaps.stream().filter(g -> handsOver(utterances.get(g))).toList();
		List<Integer> chosen = new ArrayList<>();
		int most = this.options.maxTopics() - 1;
		if (this.options.openingShare() > 0 && most > 0) {
			// the first gap past the opening share, or a hand-over a little later
			double from = this.options.openingShare() * total;
			double to = (this.options.openingShare() + OPENING_WIDTH) * total;
			List<Integer> window = gaps.stream().filter(g -> words[g] >= from && words[g] <= to).toList();
			window.stream()
				.filter(cued::contains)
				.findFirst()
				.or(() -> window.stream().findFirst())
				.ifPresent(chosen::add);
		}
		double minWords = this.options.minTopicShare() * total;
		for (int gap : cued) {
			if (chosen.size() >= most) {
				break;
			}
			if (farEnough(words, chosen, gap, n, minWords)) {
				chosen.add(gap);
			}
		}
		chosen.sort(null);
		return List.copyOf(chosen);
	}

	static boolean handsOver(Utterance utterance) {
		String text = Texts.clean(utterance.text());
		return HAND_OVER.matcher(text.substring(0, Math.min(CUE_CHARS, text.length()))).find();
	}

	private static boolean farEnough(int[] words, List<Integer> chosen, int gap, int n, double minWords) {
		if (words[gap] < minWords || words[n] - words[gap] < minWords) {
			return false;
		}
		for (int other : chosen) {
			if (Math.abs(words[other] - words[gap]) < minWords) {
				return false;
			}
		}
		return true;
	}

}
