package io.aigenda.backend.correction;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.aigenda.backend.auth.Account;
import io.aigenda.backend.meeting.Meetings;
import io.aigenda.backend.problem.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reviewing doubtful words: suggestions for one word, and its correction (or confirmation
 * as heard). A corrected word counts as certain from then on, and every edit is kept as a
 * version.
 */
@RestController
@RequestMapping("/api/v1/meetings/{meetingId}/words/{index}")
class WordCorrections {

	/** The recogniser's confidence at or above which its words feed suggestions. */
	static final double CONFIDENT = 0.8;

	private final Meetings meetings;

	private final JdbcClient jdbc;

	private final Glossary glossary;

	private final WordFlags flags;

	WordCorrections(Meetings meetings, JdbcClient jdbc, Glossary glossary, WordFlags flags) {
		this.meetings = meetings;
		this.jdbc = jdbc;
		this.glossary = glossary;
		this.flags = flags;
	}

	@GetMapping("/suggestions")
	@Transactional(readOnly = true)
	WordSuggestions suggestions(@AuthenticationPrincipal Account account, @PathVariable UUID meetingId,
			@PathVariable int index) {
		processed(account, meetingId);
		StoredWord word = word(meetingId, index);
		Map<String, Integer> past = new LinkedHashMap<>();
		this.jdbc
			.sql("select after_text, count(*) from word_corrections where organisation_id = ? "
					+ "and lower(before_text) = lower(?) and after_text <> before_text group by after_text")
			.params(account.organisationId(), word.text())
			.query((rs, i) -> Map.entry(Suggestions.Token.of(rs.getString(1)).bare(), rs.getInt(2)))
			.list()
			.forEach(e -> past.merge(e.getKey(), e.getValue(), Integer::sum));
		Map<String, Integer> vocabulary = new LinkedHashMap<>();
		this.jdbc
			.sql("select text, count(*) from transcript_words where meeting_id = ? and confidence >= ? group by text")
			.params(meetingId, CONFIDENT)
			.query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list()
			.forEach(e -> vocabulary.merge(e.getKey(), e.getValue(), Integer::sum));
		List<String> names = new java.util.ArrayList<>(
				this.jdbc.sql("select display_name from speakers where meeting_id = ? and display_name is not null")
					.param(meetingId)
					.query(String.class)
					.list());
		// glossary spellings count like names; then what the dictionary would write
		java.util.Set<String> glossaryWords = this.glossary.words(account.organisationId());
		names.addAll(glossaryWords);
		java.util.Set<String> suggestions = new java.util.LinkedHashSet<>(
				Suggestions.suggest(word.text(), past, vocabulary, names));
		this.flags.flag(index, word.text(), word.confidence(), glossaryWords)
			.ifPresent(flag -> suggestions.addAll(flag.suggestions()));
		return new WordSuggestions(index, word.text(), word.confidence(),
				suggestions.stream().limit(Suggestions.LIMIT).toList());
	}

	/**
	 * Sets the word's text (the same text confirms it); the previous text stays in the
	 * history.
	 */
	@PutMapping
	@Transactional
	CorrectedWord correct(@AuthenticationPrincipal Account account, @PathVariable UUID meetingId,
			@PathVariable int index, @Valid @RequestBody Correction body) {
		processed(account, meetingId);
		StoredWord word = word(meetingId, index);
		String text = body.text().strip();
		if (text.split("\\s+").length != 1) {
			throw ApiException.badRequest("one-word", "A correction replaces one word with one word");
		}
		int version = this.jdbc
			.sql("select coalesce(max(version), 0) + 1 from word_corrections where meeting_id = ? and idx = ?")
			.params(meetingId, index)
			.query(Integer.class)
			.single();
		this.jdbc.sql(
				"insert into word_corrections (id, meeting_id, organisation_id, idx, version, before_text, after_text, "
						+ "before_confidence, corrected_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), meetingId, account.organisationId(), index, version, word.text(), text,
					word.confidence(), account.userId(), Timestamp.from(Instant.now()))
			.update();
		this.jdbc
			.sql("update transcript_words set text = ?, confidence = 1.0, display = ? where meeting_id = ? and idx = ?")
			.params(text, readable(word.display(), text), meetingId, index)
			.update();
		return new CorrectedWord(index, text, 1.0, version);
	}

	@GetMapping("/history")
	@Transactional(readOnly = true)
	List<Version> history(@AuthenticationPrincipal Account account, @PathVariable UUID meetingId,
			@PathVariable int index) {
		processed(account, meetingId);
		word(meetingId, index);
		return this.jdbc
			.sql("select version, before_text, after_text, before_confidence, corrected_by, created_at "
					+ "from word_corrections where meeting_id = ? and idx = ? order by version")
			.params(meetingId, index)
			.query((rs, i) -> new Version(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
					rs.getObject(5, UUID.class), rs.getTimestamp(6).toInstant()))
			.list();
	}

	private void processed(Account account, UUID meetingId) {
		this.meetings.processed(account.organisationId(), meetingId);
	}

	private StoredWord word(UUID meetingId, int index) {
		return this.jdbc.sql("select text, confidence, display from transcript_words where meeting_id = ? and idx = ?")
			.params(meetingId, index)
			.query((rs, i) -> new StoredWord(rs.getString(1), rs.getDouble(2), rs.getString(3)))
			.optional()
			.orElseThrow(() -> ApiException.notFound("Word"));
	}

	/**
	 * The corrected word's readable form: the punctuation after the word and a capital at
	 * a sentence start stay as they were; {@code null} when that is the text itself.
	 */
	static String readable(String formerDisplay, String text) {
		if (formerDisplay == null || formerDisplay.isEmpty() || text.isEmpty()) {
			return null;
		}
		int end = formerDisplay.length();
		while (end > 0 && ".,?!:;…".indexOf(formerDisplay.charAt(end - 1)) >= 0) {
			end--;
		}
		String display = text;
		if (Character.isUpperCase(formerDisplay.charAt(0)) && Character.isLowerCase(text.charAt(0))) {
			display = text.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + text.substring(1);
		}
		display += formerDisplay.substring(end);
		return display.equals(text) ? null : display;
	}

	private record StoredWord(String text, double confidence, String display) {
	}

	record Correction(@NotBlank @Size(max = 100) String text) {
	}

	record WordSuggestions(int index, String text, double confidence, List<String> suggestions) {
	}

	record CorrectedWord(int index, String text, double confidence, int version) {
	}

	record Version(int version, String before, String after, double beforeConfidence, UUID correctedBy,
			Instant createdAt) {
	}

}
