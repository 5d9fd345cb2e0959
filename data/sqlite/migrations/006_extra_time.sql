-- Version 6: time the room added to an element's countdown ("+1 min"),
-- kept with the time spent so a restart keeps it.
ALTER TABLE elements ADD COLUMN extra_seconds INTEGER NOT NULL DEFAULT 0 CHECK (extra_seconds >= 0);
