-- Which processing of a meeting's recording is current: 1 for the first, one more for each retry
-- after a failure. It travels in ProcessMeeting, so the ml-controller reopens a failed pipeline
-- once per retry however often the command is delivered.
alter table meetings add column processing_run integer not null default 1;
