-- Speaker identity: turns (for talk time and edits), voiceprints, and which voiceprint a speaker
-- of a meeting matched.
create table speaker_turns (
	meeting_id uuid not null references meetings (id) on delete cascade,
	idx integer not null,
	start_seconds double precision not null,
	end_seconds double precision not null,
	speaker_label text not null,
	primary key (meeting_id, idx)
);

-- The embedding itself lives in the ml-controller's vector store under the same id.
create table voiceprints (
	id uuid primary key,
	organisation_id uuid not null references organisations (id) on delete cascade,
	name text not null,
	meeting_id uuid references meetings (id) on delete set null,
	speaker_label text,
	created_at timestamptz not null,
	updated_at timestamptz not null
);
create index voiceprints_by_organisation on voiceprints (organisation_id, name);
create unique index voiceprints_by_source on voiceprints (meeting_id, speaker_label);

alter table speakers add column voiceprint_id uuid references voiceprints (id) on delete set null;
-- Cosine similarity of the speaker's centroid to the voiceprint; null when a user chose the name.
alter table speakers add column voiceprint_confidence double precision;
