-- Words a person corrected or confirmed in the web app; every edit is a new version, so the
-- recogniser's original and each later correction stay on record.
create table word_corrections (
	id uuid primary key,
	meeting_id uuid not null references meetings (id) on delete cascade,
	organisation_id uuid not null,
	idx integer not null,
	version integer not null,
	before_text text not null,
	after_text text not null,
	before_confidence double precision not null,
	corrected_by uuid,
	created_at timestamp with time zone not null,
	unique (meeting_id, idx, version)
);

-- suggestions reuse an organisation's earlier corrections of the same word
create index word_corrections_by_text on word_corrections (organisation_id, lower(before_text));
