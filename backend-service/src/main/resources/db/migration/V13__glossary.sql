-- An organisation's own words (product names, people, places) that the recogniser may not know:
-- transcript words close to one of them are flagged for review with the term as a suggestion.
create table glossary_terms (
	organisation_id uuid not null,
	term text not null,
	created_at timestamp with time zone not null,
	primary key (organisation_id, term)
);
