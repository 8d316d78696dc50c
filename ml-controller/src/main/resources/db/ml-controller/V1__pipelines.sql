-- One row per meeting the controller was asked to process.
CREATE TABLE pipelines (
	meeting_id UUID PRIMARY KEY,
	organisation_id UUID NOT NULL,
	language VARCHAR(16) NOT NULL,
	audio_key VARCHAR(1024),
	min_speakers INTEGER,
	max_speakers INTEGER,
	state VARCHAR(32) NOT NULL,
	audio_seconds DOUBLE PRECISION,
	speaker_count INTEGER,
	transcript_key VARCHAR(1024),
	failure_reason VARCHAR(2000),
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per step of a pipeline; attempts of a step share its row and step_id.
CREATE TABLE steps (
	step_id UUID PRIMARY KEY,
	meeting_id UUID NOT NULL REFERENCES pipelines (meeting_id),
	kind VARCHAR(32) NOT NULL,
	attempt INTEGER NOT NULL,
	state VARCHAR(32) NOT NULL,
	deadline TIMESTAMP WITH TIME ZONE,
	next_attempt_at TIMESTAMP WITH TIME ZONE,
	result_key VARCHAR(1024),
	engine VARCHAR(200),
	processing_seconds DOUBLE PRECISION,
	reason VARCHAR(2000),
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT steps_one_per_kind UNIQUE (meeting_id, kind)
);

CREATE INDEX steps_due ON steps (state, deadline);
CREATE INDEX steps_retry_due ON steps (state, next_attempt_at);
