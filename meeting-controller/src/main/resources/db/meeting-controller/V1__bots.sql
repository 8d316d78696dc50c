-- Each bot's state, as the controller drives it. Written for H2 (PostgreSQL mode) and PostgreSQL.
create table bots (
	id uuid primary key,
	meeting_id uuid not null,
	organisation_id uuid not null,
	url varchar(2048) not null,
	platform varchar(64) not null,
	state varchar(16) not null,
	detail varchar(2000),
	join_at timestamp with time zone not null,
	max_duration_seconds bigint not null,
	attempts integer not null default 0,
	next_attempt_at timestamp with time zone,
	-- the provider's handle (server id, pid:n); the recorder token only as its SHA-256
	handle varchar(200),
	token_sha256 varchar(64),
	provisioned_at timestamp with time zone,
	released_at timestamp with time zone,
	last_heartbeat_at timestamp with time zone,
	leave_requested_at timestamp with time zone,
	reported_state varchar(16),
	created_at timestamp with time zone not null,
	updated_at timestamp with time zone not null
);
create index bots_by_state on bots (state);
create index bots_by_token on bots (token_sha256);
