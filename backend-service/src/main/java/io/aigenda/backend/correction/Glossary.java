package io.aigenda.backend.correction;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.aigenda.backend.auth.Account;
import io.aigenda.backend.problem.ApiException;
import jakarta.validation.constraints.NotNull;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation's glossary: names, products and terms the recogniser may not know.
 * Transcript words close to a glossary word are flagged for review with the glossary
 * spelling as suggestion.
 */
@RestController
@RequestMapping("/api/v1/glossary")
class Glossary {

	static final int MAX_TERMS = 5000;

	static final int MAX_TERM_LENGTH = 100;

	private final JdbcClient jdbc;

	Glossary(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping
	@Transactional(readOnly = true)
	Terms get(@AuthenticationPrincipal Account account) {
		return new Terms(terms(account.organisationId()));
	}

	/** Replaces the glossary. */
	@PutMapping
	@Transactional
	Terms replace(@AuthenticationPrincipal Account account, @RequestBody Terms body) {
		Set<String> terms = new LinkedHashSet<>();
		for (String term : body.terms()) {
			String t = (term == null) ? "" : term.strip().replaceAll("\\s+", " ");
			if (t.isEmpty() || t.length() > MAX_TERM_LENGTH) {
				throw ApiException.badRequest("glossary-term",
						"Each glossary term has 1 to " + MAX_TERM_LENGTH + " characters");
			}
			terms.add(t);
		}
		if (terms.size() > MAX_TERMS) {
			throw ApiException.badRequest("glossary-size", "A glossary holds at most " + MAX_TERMS + " terms");
		}
		UUID organisation = account.organisationId();
		this.jdbc.sql("delete from glossary_terms where organisation_id = ?").param(organisation).update();
		Timestamp now = Timestamp.from(Instant.now());
		for (String term : terms) {
			this.jdbc.sql("insert into glossary_terms (organisation_id, term, created_at) values (?, ?, ?)")
				.params(organisation, term, now)
				.update();
		}
		return new Terms(terms(organisation));
	}

	List<String> terms(UUID organisation) {
		return this.jdbc.sql("select term from glossary_terms where organisation_id = ? order by lower(term)")
			.param(organisation)
			.query(String.class)
			.list();
	}

	/** The glossary's single words, for comparing with transcript words. */
	Set<String> words(UUID organisation) {
		Set<String> words = new LinkedHashSet<>();
		for (String term : terms(organisation)) {
			for (String part : term.split("\\s+")) {
				String bare = Suggestions.Token.of(part).bare();
				if (bare.length() >= 2) {
					words.add(bare);
				}
			}
		}
		return words;
	}

	record Terms(@NotNull List<String> terms) {

		Terms {
			terms = (terms == null) ? List.of() : terms;
		}

	}

}
