-- Recorder bots invited into calls. The recorder's token is stored only as its SHA-256; it lives
-- for one bot and stops working when the bot ends or the token expires.
create table meeting_bots (
	id uuid primary key,
	meeting_id uuid not null references meetings (id) on delete cascade,
	organisation_id uuid not null references organisations (id) on delete cascade,
	url text not null,
	platform text not null,
	state text not null check (state in ('SCHEDULED', 'PROVISIONING', 'JOINING', 'RECORDING', 'LEAVING', 'DONE', 'FAILED')),
	detail text,
	join_at timestamptz not null,
	max_duration_seconds bigint not null,
	server_seconds bigint not null default 0,
	recorder_token_sha256 text unique,
	recorder_token_expires_at timestamptz,
	chunk_count integer not null default 0,
	created_at timestamptz not null,
	updated_at timestamptz not null,
	finished_at timestamptz
);
create index meeting_bots_by_meeting on meeting_bots (meeting_id, created_at desc);

-- Chunks the recorder announced; assembled in sequence order into the meeting's recording.
create table meeting_bot_chunks (
	bot_id uuid not null references meeting_bots (id) on delete cascade,
	sequence integer not null,
	object_key text not null,
	created_at timestamptz not null,
	primary key (bot_id, sequence)
);
