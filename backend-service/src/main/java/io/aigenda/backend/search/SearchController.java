package io.aigenda.backend.search;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.aigenda.backend.auth.Account;
import io.aigenda.backend.meeting.Meetings;
import io.aigenda.backend.problem.ApiException;
import io.aigenda.backend.search.SearchDtos.AnswerView;
import io.aigenda.backend.search.SearchDtos.AskRequest;
import io.aigenda.backend.search.SearchDtos.PassageView;
import io.aigenda.backend.search.SearchDtos.SearchResults;
import io.aigenda.contracts.internal.Answer;
import io.aigenda.contracts.internal.Passage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Semantic search across the organisation's meetings and questions about one meeting.
 * Every call is scoped by the caller's organisation, and every passage is checked against
 * the organisation's meetings once more before it is shown.
 */
@RestController
class SearchController {

	private static final int MAX_QUERY = 1000;

	private final MlControllerSearch search;

	static final String NOTHING = "Nothing in this meeting answers that.";

	private final Meetings meetings;

	private final Citations citations;

	SearchController(MlControllerSearch search, Meetings meetings, Citations citations) {
		this.search = search;
		this.meetings = meetings;
		this.citations = citations;
	}

	@GetMapping("/api/v1/search")
	SearchResults search(@AuthenticationPrincipal Account account, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "10") int limit) {
		String query = required(q, "q");
		if (limit < 1 || limit > 50) {
			throw ApiException.badRequest("validation-failed", "limit must be between 1 and 50");
		}
		List<Passage> found = this.search.search(account.organisationId(), query, limit);
		return new SearchResults(query, views(account.organisationId(), found, query));
	}

	@PostMapping("/api/v1/meetings/{meetingId}/ask")
	AnswerView ask(@AuthenticationPrincipal Account account, @PathVariable UUID meetingId,
			@RequestBody(required = false) AskRequest body) {
		String question = required(body == null ? null : body.question(), "question");
		// 404 for a meeting of another organisation, before anything is asked
		this.meetings.get(account.organisationId(), meetingId);
		Answer answer = this.search.ask(account.organisationId(), meetingId, question, 3);
		List<PassageView> citations = answer.found()
				? views(account.organisationId(), answer.citations(), question).stream()
					.filter(p -> p.meetingId().equals(meetingId))
					.toList()
				: List.of();
		if (citations.isEmpty()) {
			return new AnswerView(question, NOTHING, answer.method(), false, citations);
		}
		return new AnswerView(question, answer(citations), answer.method(), true, citations);
	}

	/** The cited sentences as they read now, each after its time. */
	private static String answer(List<PassageView> citations) {
		StringBuilder answer = new StringBuilder();
		for (PassageView citation : citations) {
			if (!answer.isEmpty()) {
				answer.append("\n\n");
			}
			long seconds = Math.round(Math.floor(citation.start()));
			answer.append('[')
				.append(seconds >= 3600
						? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
						: String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60))
				.append("] ");
			if (!citation.speakerNames().isEmpty()) {
				answer.append(String.join(", ", citation.speakerNames())).append(": ");
			}
			answer.append(citation.text());
		}
		return answer.toString();
	}

	private List<PassageView> views(UUID organisationId, List<Passage> passages, String query) {
		Map<UUID, String> titles = new HashMap<>();
		return passages.stream().map(p -> {
			String title = titles.computeIfAbsent(p.meetingId(), id -> title(organisationId, id));
			if (title == null) {
				return null;
			}
			Citations.Cited cited = this.citations.cite(p, query);
			return new PassageView(p.meetingId(), title, Math.round(p.start() * 10) / 10.0, p.end(), p.speakers(),
					cited.speakerNames(), p.topic(), cited.text(), cited.highlights(), p.score());
		}).filter(Objects::nonNull).toList();
	}

	/**
	 * The meeting's title, or {@code null} when the organisation has no such meeting
	 * (deleted).
	 */
	private String title(UUID organisationId, UUID meetingId) {
		try {
			return this.meetings.get(organisationId, meetingId).getTitle();
		}
		catch (ApiException ex) {
			return null;
		}
	}

	private static String required(String value, String name) {
		if (value == null || value.isBlank()) {
			throw ApiException.badRequest("validation-failed", name + " is required");
		}
		if (value.length() > MAX_QUERY) {
			throw ApiException.badRequest("validation-failed", name + " is longer than " + MAX_QUERY + " characters");
		}
		return value.strip();
	}

}
