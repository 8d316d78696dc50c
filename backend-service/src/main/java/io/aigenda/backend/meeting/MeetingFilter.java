package io.aigenda.backend.meeting;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.aigenda.backend.problem.ApiException;

/**
 * What the meetings list shows: a title search, a state (or meetings in which nobody was
 * heard), a speaker, a creation date range (UTC days, both ends included) and an order.
 * Bad values are refused with a 400 naming the parameter.
 */
record MeetingFilter(String title, MeetingState state, boolean noSpeech, String speaker, LocalDate from, LocalDate to,
		Order order) {

	/** The list's orders, each with a unique tie-breaker so pages never overlap. */
	enum Order {

		NEWEST("m.created_at desc, m.id"), OLDEST("m.created_at asc, m.id"), TITLE("lower(m.title), m.id"),
		LONGEST("m.duration_seconds desc nulls last, m.created_at desc, m.id");

		final String sql;

		Order(String sql) {
			this.sql = sql;
		}

	}

	static final String NO_SPEECH = "NO_SPEECH";

	static MeetingFilter of(String title, String state, String speaker, String from, String to, String sort) {
		MeetingState chosenState = null;
		boolean noSpeech = false;
		if (state != null && !state.isBlank()) {
			String name = state.strip().toUpperCase(Locale.ROOT);
			if (NO_SPEECH.equals(name)) {
				noSpeech = true;
			}
			else {
				try {
					chosenState = MeetingState.valueOf(name);
				}
				catch (IllegalArgumentException ex) {
					throw ApiException.badRequest("invalid-parameter", "Unknown state '" + state + "' (use one of "
							+ java.util.Arrays.toString(MeetingState.values()) + " or " + NO_SPEECH + ")");
				}
			}
		}
		Order order;
		try {
			order = Order.valueOf(sort.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest("invalid-parameter",
					"Unknown sort '" + sort + "' (use newest, oldest, title or longest)");
		}
		LocalDate fromDate = date("from", from);
		LocalDate toDate = date("to", to);
		if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
			throw ApiException.badRequest("invalid-parameter", "from must not be after to");
		}
		return new MeetingFilter(blankToNull(title), chosenState, noSpeech, blankToNull(speaker), fromDate, toDate,
				order);
	}

	/** The SQL condition (on {@code meetings m}) and its parameters, in order. */
	Query query(UUID organisationId) {
		StringBuilder where = new StringBuilder("m.organisation_id = ?");
		List<Object> params = new ArrayList<>();
		params.add(organisationId);
		if (this.title != null) {
			where.append(" and strpos(lower(m.title), lower(?)) > 0");
			params.add(this.title);
		}
		if (this.state != null) {
			where.append(" and m.state = ?");
			params.add(this.state.name());
		}
		if (this.noSpeech) {
			where.append(" and m.state = 'PROCESSED' and not exists "
					+ "(select 1 from transcript_words w where w.meeting_id = m.id)");
		}
		if (this.speaker != null) {
			where.append(" and exists (select 1 from speakers s where s.meeting_id = m.id and "
					+ "(strpos(lower(coalesce(s.display_name, '')), lower(?)) > 0 or lower(s.label) = lower(?)))");
			params.add(this.speaker);
			params.add(this.speaker);
		}
		if (this.from != null) {
			where.append(" and m.created_at >= ?");
			params.add(Timestamp.from(this.from.atStartOfDay(ZoneOffset.UTC).toInstant()));
		}
		if (this.to != null) {
			where.append(" and m.created_at < ?");
			params.add(Timestamp.from(this.to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
		}
		return new Query(where.toString(), params, this.order.sql);
	}

	record Query(String where, List<Object> params, String orderBy) {
	}

	private static LocalDate date(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw ApiException.badRequest("invalid-parameter", name + " must be a date such as 2026-03-31");
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
