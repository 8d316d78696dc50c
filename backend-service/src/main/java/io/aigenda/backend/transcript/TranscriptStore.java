package io.aigenda.backend.transcript;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.contracts.Word;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Words, speakers and minutes of processed meetings. Plain JDBC with batches: an hour of
 * speech is some ten thousand words, which one entity at a time would store slowly.
 */
@Component
public class TranscriptStore {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	TranscriptStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * Replaces whatever the meeting had, so storing the same result twice leaves one
	 * copy.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void replace(UUID meetingId, MeetingTranscript transcript, String minutesJson) {
		this.jdbc.sql("delete from transcript_words where meeting_id = ?").param(meetingId).update();
		this.jdbc.sql("delete from speaker_turns where meeting_id = ?").param(meetingId).update();
		this.jdbc.sql("delete from speakers where meeting_id = ?").param(meetingId).update();
		this.jdbc.sql("delete from minutes where meeting_id = ?").param(meetingId).update();
		List<Word> words = transcript.words() != null ? transcript.words() : List.of();
		// the glossary as it is when the transcript arrives; the stored display keeps it
		GlossaryForms glossary = GlossaryForms.of(this.jdbc
			.sql("select g.term from glossary_terms g join meetings m on m.organisation_id = g.organisation_id "
					+ "where m.id = ?")
			.param(meetingId)
			.query(String.class)
			.list());
		List<Object[]> rows = new ArrayList<>(words.size());
		for (int i = 0; i < words.size(); i++) {
			Word w = words.get(i);
			rows.add(new Object[] { meetingId, i, w.start(), w.end(), w.text(), w.confidence(), w.speaker(),
					glossary.display(w) });
		}
		this.template.batchUpdate("insert into transcript_words (meeting_id, idx, start_seconds, end_seconds, text, "
				+ "confidence, speaker_label, display) values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
		List<SpeakerTurn> turns = transcript.turns() != null ? transcript.turns() : List.of();
		List<Object[]> turnRows = new ArrayList<>(turns.size());
		for (int i = 0; i < turns.size(); i++) {
			SpeakerTurn t = turns.get(i);
			turnRows.add(new Object[] { meetingId, i, t.start(), t.end(), t.speaker() });
		}
		this.template.batchUpdate("insert into speaker_turns (meeting_id, idx, start_seconds, end_seconds, "
				+ "speaker_label) values (?, ?, ?, ?, ?)", turnRows);
		for (String label : speakers(transcript)) {
			this.jdbc.sql("insert into speakers (meeting_id, label) values (?, ?)").params(meetingId, label).update();
		}
		this.jdbc.sql("insert into minutes (meeting_id, document, created_at) values (?, ?::jsonb, ?)")
			.params(meetingId, minutesJson, Timestamp.from(Instant.now()))
			.update();
	}

	/**
	 * The stored transcript in the contracts' shape, as exports and the CLI format it.
	 */
	@Transactional(readOnly = true)
	public MeetingTranscript load(UUID meetingId, Language language, double durationSeconds) {
		List<Word> words = this.jdbc
			.sql("select start_seconds, end_seconds, text, confidence, speaker_label, display from transcript_words "
					+ "where meeting_id = ? order by idx")
			.param(meetingId)
			.query((rs, i) -> new Word(rs.getDouble(1), rs.getDouble(2), rs.getString(3), rs.getDouble(4),
					rs.getString(5), rs.getString(6)))
			.list();
		List<String> labels = new ArrayList<>(speakerNames(meetingId).keySet());
		List<SpeakerTurn> turns = this.jdbc.sql(
				"select start_seconds, end_seconds, speaker_label from speaker_turns where meeting_id = ? order by idx")
			.param(meetingId)
			.query((rs, i) -> new SpeakerTurn(rs.getDouble(1), rs.getDouble(2), rs.getString(3)))
			.list();
		return new MeetingTranscript(language, durationSeconds, labels, words, turns);
	}

	/** Speaker labels with their display names (null until someone names them). */
	@Transactional(readOnly = true)
	public Map<String, String> speakerNames(UUID meetingId) {
		Map<String, String> names = new LinkedHashMap<>();
		this.jdbc.sql("select label, display_name from speakers where meeting_id = ? order by label")
			.param(meetingId)
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) })
			.list()
			.forEach(row -> names.put(row[0], row[1]));
		return names;
	}

	@Transactional(readOnly = true)
	public Optional<String> minutesJson(UUID meetingId) {
		return this.jdbc.sql("select document::text from minutes where meeting_id = ?")
			.param(meetingId)
			.query(String.class)
			.optional();
	}

	/**
	 * Replaces the minutes with a person's edited version; false when the meeting has
	 * none.
	 */
	@Transactional
	public boolean replaceMinutes(UUID meetingId, String minutesJson) {
		return this.jdbc.sql("update minutes set document = ?::jsonb where meeting_id = ?")
			.params(minutesJson, meetingId)
			.update() == 1;
	}

	private static List<String> speakers(MeetingTranscript transcript) {
		java.util.LinkedHashSet<String> labels = new java.util.LinkedHashSet<>();
		if (transcript.speakers() != null) {
			labels.addAll(transcript.speakers());
		}
		if (transcript.words() != null) {
			transcript.words().stream().map(Word::speaker).filter(s -> s != null).forEach(labels::add);
		}
		return List.copyOf(labels);
	}

}
