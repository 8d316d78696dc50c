package io.aigenda.backend.correction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.aigenda.backend.auth.Account;
import io.aigenda.backend.meeting.Meetings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The words of a meeting's transcript flagged for review, in transcript order. */
@RestController
class WordReview {

	private final Meetings meetings;

	private final JdbcClient jdbc;

	private final Glossary glossary;

	private final WordFlags flags;

	WordReview(Meetings meetings, JdbcClient jdbc, Glossary glossary, WordFlags flags) {
		this.meetings = meetings;
		this.jdbc = jdbc;
		this.glossary = glossary;
		this.flags = flags;
	}

	@GetMapping("/api/v1/meetings/{meetingId}/review")
	@Transactional(readOnly = true)
	Review review(@AuthenticationPrincipal Account account, @PathVariable UUID meetingId) {
		this.meetings.processed(account.organisationId(), meetingId);
		Set<String> glossaryWords = this.glossary.words(account.organisationId());
		List<WordFlags.Flag> flagged = new ArrayList<>();
		this.jdbc.sql("select idx, text, confidence from transcript_words where meeting_id = ? order by idx")
			.param(meetingId)
			.query((rs, i) -> this.flags.flag(rs.getInt(1), rs.getString(2), rs.getDouble(3), glossaryWords))
			.list()
			.forEach(f -> f.ifPresent(flagged::add));
		return new Review(flagged);
	}

	record Review(List<WordFlags.Flag> flags) {
	}

}
