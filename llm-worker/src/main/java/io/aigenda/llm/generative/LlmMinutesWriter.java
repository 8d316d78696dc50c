package io.aigenda.llm.generative;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.Minutes;
import io.aigenda.contracts.Minutes.ActionItem;
import io.aigenda.contracts.Minutes.Decision;
import io.aigenda.contracts.Minutes.Topic;
import io.aigenda.contracts.TextLanguage;
import io.aigenda.contracts.Word;
import io.aigenda.llm.minutes.MinutesWriter;
import io.aigenda.llm.topics.TopicSegmenter;
import io.aigenda.llm.topics.Utterance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Minutes written by a chat model, map then merge. The meeting is cut at the topic
 * segmenter's boundaries into blocks (a block longer than the context is cut between
 * turns); each block gets its own minutes (summary, topics, decisions, action items),
 * tied back to the transcript's times and speakers ({@link Grounding}); one more request
 * merges the blocks' summaries into the meeting's, and repeated items are written once.
 * Every answer is checked against the minutes schema; a rejected one gets one repair
 * round with the reason; a block whose answer still fails gets the extractive writer's
 * minutes for its words, so one bad answer costs one block, not the meeting. Each part
 * records which writer produced it ({@code generator}). When the model cannot be reached
 * the remaining blocks go extractive at once: the worker never fails for the model's
 * sake.
 */
public final class LlmMinutesWriter implements MinutesWriter {

	private static final Logger log = LoggerFactory.getLogger(LlmMinutesWriter.class);

	/** Tokens kept for the instructions and the request's framing. */
	private static final int PROMPT_TOKENS = 700;

	private final ChatModel model;

	private final MinutesWriter fallback;

	private final TopicSegmenter topics;

	private final int contextTokens;

	private final int answerTokens;

	/**
	 * @param contextTokens the model's context window
	 * @param answerTokens tokens kept for each answer
	 */
	public LlmMinutesWriter(ChatModel model, MinutesWriter fallback, TopicSegmenter topics, int contextTokens,
			int answerTokens) {
		this.model = model;
		this.fallback = fallback;
		this.topics = topics;
		this.contextTokens = contextTokens;
		this.answerTokens = answerTokens;
	}

	@Override
	public String engine() {
		return this.model.engine();
	}

	@Override
	public Minutes write(MeetingTranscript transcript) {
		List<Word> words = transcript.words() == null ? List.of()
				: transcript.words().stream().filter(Objects::nonNull).toList();
		List<Turn> turns = Turn.of(words, 1.5);
		if (turns.isEmpty()) {
			return this.fallback.write(transcript);
		}
		Language language = language(transcript, turns);
		boolean russian = language == Language.RU;
		List<List<Turn>> blocks = blocks(turns);
		Set<String> names = Grounding.names(turns);
		List<Minutes> parts = new ArrayList<>();
		List<String> failures = new ArrayList<>();
		String unavailable = null;
		for (int i = 0; i < blocks.size(); i++) {
			List<Turn> block = blocks.get(i);
			String failure = unavailable;
			if (failure == null) {
				try {
					Minutes draft = ask(Prompts.minutes(russian, Turn.render(block), i + 1, blocks.size()), language);
					parts.add(Grounding.block(draft, block, names));
					continue;
				}
				catch (ChatException ex) {
					failure = ex.getMessage();
					if (ex.unavailable()) {
						unavailable = failure;
					}
				}
				catch (Drafts.Rejected ex) {
					failure = ex.getMessage();
				}
				log.warn("Model minutes of part {} of {} failed ({}); extractive minutes for it", i + 1, blocks.size(),
						failure);
			}
			failures.add(failure);
			parts.add(Grounding.extractive(this.fallback.write(excerpt(transcript, words, block, language))));
		}
		log.info("Minutes of {} topic block(s): {} by the model, {} extractive", blocks.size(),
				blocks.size() - failures.size(), failures.size());
		if (failures.size() == blocks.size()) {
			// no block by the model: the extractive minutes of the whole meeting read
			// better
			// than blocks glued together
			Minutes extractive = Grounding.extractive(this.fallback.write(transcript));
			return withWarnings(extractive, List.of(warning(russian, failures.get(0), null)));
		}
		List<String> warnings = new ArrayList<>();
		for (int i = 0; i < blocks.size(); i++) {
			if (Minutes.EXTRACTIVE.equals(parts.get(i).generator())) {
				List<Turn> block = blocks.get(i);
				warnings.add(warning(russian, failures.get(warnings.size()), String.format(Locale.ROOT, "%.1f-%.1f",
						block.get(0).start(), block.get(block.size() - 1).end())));
			}
		}
		return withWarnings(merge(parts, language, unavailable == null), warnings);
	}

	/**
	 * One summary from the blocks' (a request to the model when there are several and it
	 * is still reachable), the topics in order, decisions and action items once each.
	 */
	private Minutes merge(List<Minutes> parts, Language language, boolean askModel) {
		List<Topic> topicList = new ArrayList<>();
		List<Decision> decisions = new ArrayList<>();
		List<ActionItem> actions = new ArrayList<>();
		List<String> summaries = new ArrayList<>();
		for (Minutes part : parts) {
			topicList.addAll(part.topics());
			decisions.addAll(part.decisions());
			actions.addAll(part.actionItems());
			summaries.add(part.summary());
		}
		boolean allModel = parts.stream().allMatch(p -> Minutes.LLM.equals(p.generator()));
		String generator = allModel ? Minutes.LLM : Minutes.MIXED;
		String summary;
		if (parts.size() == 1) {
			summary = summaries.get(0);
		}
		else {
			summary = askModel ? mergeSummaries(summaries, language == Language.RU) : null;
			if (summary != null) {
				generator = Minutes.LLM;
			}
			else {
				// the first sentence of each block's summary, in order
				summary = String.join(" ", summaries.stream().map(LlmMinutesWriter::firstSentence).toList());
			}
		}
		return new Minutes(language, engine(), summary, topicList, Grounding.distinctDecisions(decisions),
				Grounding.distinctActions(actions), List.of(), generator);
	}

	private Minutes ask(String request, Language language) {
		String system = Prompts.system(language == Language.RU);
		List<ChatMessage> messages = List.of(ChatMessage.system(system), ChatMessage.user(request));
		String answer = this.model.chat(messages, Drafts.draftSchema());
		try {
			return Drafts.minutes(answer, language, engine(), system);
		}
		catch (Drafts.Rejected ex) {
			log.info("Answer rejected ({}); one repair round", ex.getMessage());
			List<ChatMessage> repair = List.of(messages.get(0), messages.get(1), ChatMessage.assistant(answer),
					ChatMessage.user(Prompts.repair(language == Language.RU, ex.getMessage())));
			return Drafts.minutes(this.model.chat(repair, Drafts.draftSchema()), language, engine(), system);
		}
	}

	/** The merged summary, or null when the model failed at it. */
	private String mergeSummaries(List<String> summaries, boolean russian) {
		String system = Prompts.system(russian);
		List<ChatMessage> messages = List.of(ChatMessage.system(system),
				ChatMessage.user(Prompts.merge(russian, summaries)));
		try {
			String answer = this.model.chat(messages, Drafts.summarySchema());
			try {
				return Drafts.summary(answer, system);
			}
			catch (Drafts.Rejected ex) {
				List<ChatMessage> repair = List.of(messages.get(0), messages.get(1), ChatMessage.assistant(answer),
						ChatMessage.user(Prompts.repair(russian, ex.getMessage())));
				return Drafts.summary(this.model.chat(repair, Drafts.summarySchema()), system);
			}
		}
		catch (ChatException | Drafts.Rejected ex) {
			log.warn("Merging the summaries failed ({}); joining their first sentences", ex.getMessage());
			return null;
		}
	}

	/**
	 * The turns in topic blocks that fit the context: the segmenter's topics, and a topic
	 * too long on its own cut between turns.
	 */
	List<List<Turn>> blocks(List<Turn> turns) {
		int budget = Math.max(200, this.contextTokens - this.answerTokens - PROMPT_TOKENS);
		List<Utterance> utterances = turns.stream()
			.map(t -> new Utterance(t.speaker(), t.text(), t.start(), t.end()))
			.toList();
		List<Integer> starts = new ArrayList<>();
		starts.add(0);
		starts.addAll(this.topics.boundaries(utterances));
		starts.add(turns.size());
		List<List<Turn>> blocks = new ArrayList<>();
		for (int b = 0; b + 1 < starts.size(); b++) {
			List<Turn> topic = turns.subList(starts.get(b), starts.get(b + 1));
			List<Turn> block = new ArrayList<>();
			for (Turn turn : topic) {
				if (!block.isEmpty() && tokens(block) + tokens(List.of(turn)) > budget) {
					blocks.add(block);
					block = new ArrayList<>();
				}
				block.add(turn);
			}
			if (!block.isEmpty()) {
				blocks.add(block);
			}
		}
		return blocks;
	}

	/** The words of one block as a transcript of its own, for the extractive writer. */
	private static MeetingTranscript excerpt(MeetingTranscript transcript, List<Word> words, List<Turn> block,
			Language language) {
		double from = block.get(0).start();
		double to = block.get(block.size() - 1).end();
		List<Word> inside = words.stream().filter(w -> w.start() >= from && w.start() <= to).toList();
		return new MeetingTranscript(language, transcript.durationSeconds(), transcript.speakers(), inside, List.of(),
				transcript.identities());
	}

	private static String warning(boolean russian, String reason, String span) {
		if (span == null) {
			return (russian ? "Языковая модель не справилась (" : "The language model failed (") + reason
					+ (russian ? "); протокол составлен извлечением фраз" : "); extractive minutes instead");
		}
		return (russian ? "Языковая модель не справилась с частью " + span + " с ("
				: "The language model failed on " + span + " s (") + reason
				+ (russian ? "); эта часть составлена извлечением фраз" : "); extractive minutes for that part");
	}

	private static String firstSentence(String text) {
		String stripped = text == null ? "" : text.strip();
		int end = -1;
		for (int i = 0; i < stripped.length(); i++) {
			char c = stripped.charAt(i);
			if ((c == '.' || c == '!' || c == '?') && (i + 1 == stripped.length() || stripped.charAt(i + 1) == ' ')) {
				end = i + 1;
				break;
			}
		}
		return end < 0 ? stripped : stripped.substring(0, end);
	}

	/**
	 * Tokens the rendered turns take, estimated: three characters a token, which errs on
	 * the long side for English and is about right for Russian in common tokenizers.
	 */
	static int tokens(List<Turn> turns) {
		int chars = 0;
		for (Turn turn : turns) {
			chars += turn.render().length() + 1;
		}
		return (chars + 2) / 3;
	}

	/**
	 * The transcript's language; the words decide only when the transcript left it open.
	 */
	private static Language language(MeetingTranscript transcript, List<Turn> turns) {
		String text = String.join(" ", turns.stream().map(Turn::text).toList());
		return Language.decide(transcript.language(), TextLanguage.of(text));
	}

	private static Minutes withWarnings(Minutes minutes, List<String> extra) {
		List<String> warnings = new ArrayList<>(minutes.warnings() == null ? List.of() : minutes.warnings());
		warnings.addAll(extra);
		return io.aigenda.llm.minutes.Rounding
			.minutes(new Minutes(minutes.language(), minutes.engine(), minutes.summary(), minutes.topics(),
					minutes.decisions(), minutes.actionItems(), warnings, minutes.generator()));
	}

	@Override
	public String toString() {
		return "LlmMinutesWriter[" + this.model.engine() + "]";
	}

}
