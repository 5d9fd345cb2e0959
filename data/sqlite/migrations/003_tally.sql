-- Version 3: tallies. Per word, how many people shaded it on their own
-- (from hand-outs or a show of hands); per session, how many took part.
ALTER TABLE words ADD COLUMN tally INTEGER CHECK (tally IS NULL OR tally >= 0);
ALTER TABLE sessions ADD COLUMN tally_of INTEGER CHECK (tally_of IS NULL OR tally_of >= 0);
