-- Which processing of the meeting the pipeline is on: a retry after a failure is the next run, and
-- only a command for a newer run reopens a failed pipeline, so a redelivered retry does nothing.
ALTER TABLE pipelines ADD COLUMN run INTEGER NOT NULL DEFAULT 1;
