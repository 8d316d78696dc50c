package io.aigenda.backend.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.aigenda.backend.search.SearchDtos.Highlight;
import io.aigenda.contracts.QueryWords;
import io.aigenda.contracts.internal.Passage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a hit shows as the meeting reads now: the stored words in the hit's time span
 * after the user's corrections (each word's readable form where it has one), the
 * speakers' current names after renames, and the words that match the query.
 */
@Component
class Citations {

	private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}']+");

	private final JdbcClient jdbc;

	Citations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Cited(String text, List<String> speakerNames, List<Highlight> highlights) {
	}

	Cited cite(Passage passage, String query) {
		List<String[]> words = this.jdbc.sql(
				"select coalesce(w.display, w.text), coalesce(s.display_name, w.speaker_label) from transcript_words w "
						+ "left join speakers s on s.meeting_id = w.meeting_id and s.label = w.speaker_label "
						+ "where w.meeting_id = ? and w.start_seconds >= ? and w.start_seconds < ? order by w.idx")
			.params(passage.meetingId(), passage.start() - 0.001, Math.max(passage.end(), passage.start() + 0.001))
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		String text;
		List<String> names;
		if (words.isEmpty()) {
			text = passage.text();
			names = currentNames(passage.meetingId(), passage.speakers());
		}
		else {
			// a number word folded into the digits before it reads as nothing
			text = words.stream().map(w -> w[0].strip()).filter(w -> !w.isEmpty()).collect(Collectors.joining(" "));
			Set<String> speakers = new LinkedHashSet<>();
			words.stream().filter(w -> w[1] != null).forEach(w -> speakers.add(w[1]));
			names = List.copyOf(speakers);
		}
		return new Cited(text, names, highlights(text, query));
	}

	private List<String> currentNames(UUID meetingId, List<String> labels) {
		if (labels == null || labels.isEmpty()) {
			return List.of();
		}
		Map<String, String> names = new java.util.HashMap<>();
		this.jdbc.sql("select label, display_name from speakers where meeting_id = ? and display_name is not null")
			.param(meetingId)
			.query((rs, i) -> names.put(rs.getString(1), rs.getString(2)))
			.list();
		return labels.stream().map(l -> names.getOrDefault(l, l)).toList();
	}

	/**
	 * Character ranges of the words of {@code text} whose light stem is a query word's.
	 */
	static List<Highlight> highlights(String text, String query) {
		Set<String> wanted = new HashSet<>();
		Matcher q = TOKEN.matcher(query.toLowerCase(Locale.ROOT));
		while (q.find()) {
			if (!QueryWords.isStopWord(q.group())) {
				wanted.add(QueryWords.stem(q.group()));
			}
		}
		List<Highlight> highlights = new ArrayList<>();
		Matcher m = TOKEN.matcher(text);
		while (m.find()) {
			if (wanted.contains(QueryWords.stem(m.group()))) {
				highlights.add(new Highlight(m.start(), m.end()));
			}
		}
		return highlights;
	}

}
