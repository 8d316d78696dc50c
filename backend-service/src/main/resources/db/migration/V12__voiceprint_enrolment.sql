-- Voiceprints enrolled from an uploaded clip of one person: pending until the ml-controller has
-- diarized the clip and stored its embedding, then ready, or failed with the reason.
-- Voiceprints named from a meeting's speaker are ready at once, as before.
alter table voiceprints add column state text not null default 'READY';
alter table voiceprints add column failure_reason text;
-- S3 key of the enrolment clip; null for voiceprints named from a meeting.
alter table voiceprints add column clip_key text;
