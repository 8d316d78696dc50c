-- The readable form of each word (capitalised, punctuated, digits); null means the same as text.
alter table transcript_words add column display text;
-- What kind of failure ended a failed meeting (LANGUAGE, AUDIO, ...): a configuration error such as
-- a missing model is not worth retrying as it is.
alter table meetings add column failure_category varchar(16);
