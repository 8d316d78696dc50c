-- Each processed meeting's per-speaker embeddings, kept so that naming a speaker later can store
-- that speaker's voice as a voiceprint. Comma-separated floats: portable between H2 and PostgreSQL.
CREATE TABLE speaker_embeddings (
	meeting_id UUID NOT NULL,
	organisation_id UUID NOT NULL,
	speaker_label VARCHAR(64) NOT NULL,
	embedding VARCHAR(65535) NOT NULL,
	PRIMARY KEY (meeting_id, speaker_label)
);
