-- Meetings deleted lately. A worker handed a presigned URL before the delete may still write under
-- the meeting's prefix, so the prefix is swept until every such URL has expired (swept_until);
-- a late result reported for the meeting sweeps it at once.
create table deleted_meetings (
	meeting_id uuid primary key,
	organisation_id uuid not null,
	deleted_at timestamp with time zone not null,
	swept_until timestamp with time zone not null,
	done boolean not null default false
);

create index deleted_meetings_open on deleted_meetings (done) where not done;
