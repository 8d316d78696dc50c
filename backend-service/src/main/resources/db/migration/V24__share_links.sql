-- Read-only links to one meeting for people without an account. Only the SHA-256 of the
-- token is kept: a database dump does not open any meeting. A link ends when it expires or
-- is revoked, and goes with its meeting.
create table share_links (
	id uuid primary key,
	meeting_id uuid not null references meetings (id) on delete cascade,
	organisation_id uuid not null,
	token_sha256 text not null unique,
	created_by uuid references users (id) on delete set null,
	created_at timestamp with time zone not null,
	expires_at timestamp with time zone not null,
	revoked_at timestamp with time zone
);

create index share_links_by_meeting on share_links (meeting_id, created_at desc);
