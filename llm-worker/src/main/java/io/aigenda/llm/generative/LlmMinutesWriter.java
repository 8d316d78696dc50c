package io.aigenda.llm.generative;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
 * Minutes written by a chat model. A meeting that fits the context goes in one request; a
 * longer one is cut at topic boundaries into parts that fit (map), each part gets its
 * minutes, and a final request merges the parts' summaries while topics, decisions and
 * action items are joined in order (reduce). Every answer is checked against the minutes
 * schema; a rejected one gets one repair round with the reason; when that fails too, or
 * the model cannot be reached, the extractive minutes are returned with a warning: the
 * worker never fails for the model's sake.
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
		boolean russian = language(transcript, turns) == Language.RU;
		try {
			return withWarnings(write(turns, russian), List.of());
		}
		catch (ChatException | Drafts.Rejected ex) {
			log.warn("Model minutes failed ({}); writing extractive minutes", ex.getMessage());
			Minutes extractive = this.fallback.write(transcript);
			String warning = (russian ? "Языковая модель не справилась (" : "The language model failed (")
					+ ex.getMessage()
					+ (russian ? "); протокол составлен извлечением фраз" : "); extractive minutes instead");
			return withWarnings(extractive, List.of(warning));
		}
	}

	private Minutes write(List<Turn> turns, boolean russian) {
		Language language = russian ? Language.RU : Language.EN;
		List<List<Turn>> parts = parts(turns);
		if (parts.size() == 1) {
			return ask(Prompts.minutes(russian, Turn.render(turns), 1, 1), russian, language);
		}
		log.info("Meeting of {} turns exceeds the context; minutes in {} parts", turns.size(), parts.size());
		List<Topic> topicList = new ArrayList<>();
		List<Decision> decisions = new ArrayList<>();
		List<ActionItem> actions = new ArrayList<>();
		List<String> summaries = new ArrayList<>();
		for (int i = 0; i < parts.size(); i++) {
			Minutes part = ask(Prompts.minutes(russian, Turn.render(parts.get(i)), i + 1, parts.size()), russian,
					language);
			topicList.addAll(part.topics());
			decisions.addAll(part.decisions());
			actions.addAll(part.actionItems());
			summaries.add(part.summary());
		}
		String summary = merge(summaries, russian);
		return new Minutes(language, engine(), summary, topicList, decisions, actions, List.of());
	}

	private Minutes ask(String request, boolean russian, Language language) {
		String system = Prompts.system(russian);
		List<ChatMessage> messages = List.of(ChatMessage.system(system), ChatMessage.user(request));
		String answer = this.model.chat(messages, Drafts.draftSchema());
		try {
			return Drafts.minutes(answer, language, engine(), system);
		}
		catch (Drafts.Rejected ex) {
			log.info("Answer rejected ({}); one repair round", ex.getMessage());
			List<ChatMessage> repair = List.of(messages.get(0), messages.get(1), ChatMessage.assistant(answer),
					ChatMessage.user(Prompts.repair(russian, ex.getMessage())));
			return Drafts.minutes(this.model.chat(repair, Drafts.draftSchema()), language, engine(), system);
		}
	}

	private String merge(List<String> summaries, boolean russian) {
		String system = Prompts.system(russian);
		List<ChatMessage> messages = List.of(ChatMessage.system(system),
				ChatMessage.user(Prompts.merge(russian, summaries)));
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

	/**
	 * The turns in parts that fit the context: topic blocks packed in order while they
	 * fit, and a block too long on its own cut between turns.
	 */
	List<List<Turn>> parts(List<Turn> turns) {
		int budget = Math.max(200, this.contextTokens - this.answerTokens - PROMPT_TOKENS);
		if (tokens(turns) <= budget) {
			return List.of(turns);
		}
		List<Utterance> utterances = turns.stream()
			.map(t -> new Utterance(t.speaker(), t.text(), t.start(), t.end()))
			.toList();
		List<Integer> starts = new ArrayList<>();
		starts.add(0);
		starts.addAll(this.topics.boundaries(utterances));
		starts.add(turns.size());
		List<List<Turn>> pieces = new ArrayList<>();
		for (int b = 0; b + 1 < starts.size(); b++) {
			List<Turn> block = turns.subList(starts.get(b), starts.get(b + 1));
			List<Turn> piece = new ArrayList<>();
			for (Turn turn : block) {
				if (!piece.isEmpty() && tokens(piece) + tokens(List.of(turn)) > budget) {
					pieces.add(piece);
					piece = new ArrayList<>();
				}
				piece.add(turn);
			}
			pieces.add(piece);
		}
		List<List<Turn>> parts = new ArrayList<>();
		List<Turn> current = new ArrayList<>();
		for (List<Turn> piece : pieces) {
			if (!current.isEmpty() && tokens(current) + tokens(piece) > budget) {
				parts.add(current);
				current = new ArrayList<>();
			}
			current.addAll(piece);
		}
		parts.add(current);
		return parts;
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
		return io.aigenda.llm.minutes.Rounding.minutes(new Minutes(minutes.language(), minutes.engine(),
				minutes.summary(), minutes.topics(), minutes.decisions(), minutes.actionItems(), warnings));
	}

	@Override
	public String toString() {
		return "LlmMinutesWriter[" + this.model.engine() + "]";
	}

}
