-- Tenancy: every meeting belongs to one organisation; users reach meetings through memberships.
create table organisations (
	id uuid primary key,
	name text not null unique,
	created_at timestamptz not null
);

create table users (
	id uuid primary key,
	email text not null unique,
	password_hash text not null,
	platform_admin boolean not null default false,
	created_at timestamptz not null
);

create table memberships (
	id uuid primary key,
	user_id uuid not null references users (id) on delete cascade,
	organisation_id uuid not null references organisations (id) on delete cascade,
	role text not null check (role in ('ADMIN', 'MEMBER')),
	created_at timestamptz not null,
	unique (user_id, organisation_id)
);

-- Only the SHA-256 of a token is stored; the token itself is shown once.
create table api_tokens (
	id uuid primary key,
	user_id uuid not null references users (id) on delete cascade,
	organisation_id uuid not null references organisations (id) on delete cascade,
	name text not null,
	token_sha256 text not null unique,
	prefix text not null,
	created_at timestamptz not null,
	last_used_at timestamptz
);

create table meetings (
	id uuid primary key,
	organisation_id uuid not null references organisations (id) on delete cascade,
	created_by uuid references users (id) on delete set null,
	title text not null,
	language text not null check (language in ('en', 'ru', 'auto')),
	min_speakers integer,
	max_speakers integer,
	state text not null check (state in ('CREATED', 'UPLOADING', 'UPLOADED', 'PROCESSING', 'PROCESSED', 'FAILED')),
	failure_reason text,
	original_filename text,
	content_type text,
	size_bytes bigint,
	recording_key text,
	sha256 text,
	duration_seconds double precision,
	speaker_count integer,
	transcript_language text,
	version bigint not null,
	created_at timestamptz not null,
	updated_at timestamptz not null,
	uploaded_at timestamptz,
	processed_at timestamptz
);
create index meetings_by_organisation on meetings (organisation_id, created_at desc);

create table upload_sessions (
	id uuid primary key,
	meeting_id uuid not null references meetings (id) on delete cascade,
	s3_upload_id text not null,
	object_key text not null,
	filename text,
	content_type text,
	size_bytes bigint not null,
	part_size_bytes bigint not null,
	part_count integer not null,
	state text not null check (state in ('OPEN', 'COMPLETED', 'ABORTED')),
	created_at timestamptz not null,
	completed_at timestamptz
);
create index upload_sessions_by_meeting on upload_sessions (meeting_id);

-- The primary keys make a second store of the same results impossible, not only unlikely.
create table transcript_words (
	meeting_id uuid not null references meetings (id) on delete cascade,
	idx integer not null,
	start_seconds double precision not null,
	end_seconds double precision not null,
	text text not null,
	confidence double precision not null,
	speaker_label text,
	primary key (meeting_id, idx)
);

create table speakers (
	meeting_id uuid not null references meetings (id) on delete cascade,
	label text not null,
	display_name text,
	primary key (meeting_id, label)
);

create table minutes (
	meeting_id uuid primary key references meetings (id) on delete cascade,
	document jsonb not null,
	created_at timestamptz not null
);

create table step_progress (
	meeting_id uuid not null references meetings (id) on delete cascade,
	step text not null,
	fraction double precision not null,
	message text,
	updated_at timestamptz not null,
	primary key (meeting_id, step)
);

create table outbox (
	id uuid primary key,
	type text not null,
	destination text not null,
	payload jsonb not null,
	created_at timestamptz not null,
	sent_at timestamptz,
	attempts integer not null default 0,
	last_error text
);
create index outbox_unsent on outbox (created_at) where sent_at is null;

create table processed_messages (
	message_id text primary key,
	type text not null,
	processed_at timestamptz not null
);
