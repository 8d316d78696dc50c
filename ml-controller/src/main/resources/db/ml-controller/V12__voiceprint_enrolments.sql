-- Voiceprints enrolled from an uploaded clip: the diarization step dispatched for the clip and its
-- outcome, so a redelivered command or result is handled once.
CREATE TABLE voiceprint_enrolments (
	voiceprint_id UUID PRIMARY KEY,
	organisation_id UUID NOT NULL,
	name VARCHAR(200) NOT NULL,
	step_id UUID NOT NULL UNIQUE,
	state VARCHAR(16) NOT NULL,
	reason VARCHAR(2000),
	deadline TIMESTAMP WITH TIME ZONE NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
