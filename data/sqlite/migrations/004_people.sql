-- Version 4: people as records, and the privacy check's decisions.

-- A person's job title, apart from their name: the facilitator, and the
-- paper's author and presenter. The update splits an entry that held
-- "Name, Title" (in Go, after this file: see splitPeople).
ALTER TABLE sessions ADD COLUMN facilitator_title TEXT NOT NULL DEFAULT '';
ALTER TABLE covers ADD COLUMN author_title TEXT NOT NULL DEFAULT '';
ALTER TABLE covers ADD COLUMN presenter_title TEXT NOT NULL DEFAULT '';

-- What the update split, to be shown to the user once.
CREATE TABLE people_split (
	id         INTEGER PRIMARY KEY,
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	field      TEXT NOT NULL, -- facilitator, author or presenter
	was        TEXT NOT NULL,
	name       TEXT NOT NULL,
	title      TEXT NOT NULL,
	shown      INTEGER NOT NULL DEFAULT 0
);

-- Withhold or keep, for each place the privacy check lists, per session.
CREATE TABLE privacy_decisions (
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	finding    TEXT NOT NULL,
	decision   TEXT NOT NULL CHECK (decision IN ('withhold', 'keep')),
	PRIMARY KEY (session_id, finding)
);
