-- Webhook endpoints of an organisation. The secret is kept as is, not hashed: every delivery is
-- signed with it (HMAC-SHA256), so the platform must be able to read it; it is shown to the user
-- once, when the endpoint is created.
create table webhook_endpoints (
	id uuid primary key,
	organisation_id uuid not null references organisations (id) on delete cascade,
	url text not null,
	secret text not null,
	created_at timestamptz not null
);
create index webhook_endpoints_by_organisation on webhook_endpoints (organisation_id, created_at);

-- The delivery queue: one row per event and endpoint, written in the transaction that changed
-- the meeting, sent (and retried with back-off) by the delivery scheduler. The body is stored as
-- sent, so every attempt carries the same bytes under a fresh signature.
create table webhook_deliveries (
	id uuid primary key,
	endpoint_id uuid not null references webhook_endpoints (id) on delete cascade,
	event_type text not null,
	body text not null,
	state text not null check (state in ('PENDING', 'DELIVERED', 'FAILED')),
	attempts integer not null default 0,
	next_attempt_at timestamptz not null,
	last_status integer,
	last_error text,
	created_at timestamptz not null,
	updated_at timestamptz not null
);
create index webhook_deliveries_due on webhook_deliveries (state, next_attempt_at);
create index webhook_deliveries_by_endpoint on webhook_deliveries (endpoint_id, created_at desc);
