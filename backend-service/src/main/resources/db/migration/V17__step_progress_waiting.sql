-- Whether a step's latest progress says it waits in its worker's queue (dispatched, not yet taken),
-- so a stall can be told as "waiting for the worker" rather than "stopped half-way".
alter table step_progress add column waiting boolean not null default false;
