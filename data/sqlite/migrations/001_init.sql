-- PPEI Iceberg schema, version 1.
PRAGMA application_id = 1347437897; -- "PPEI" (0x50504549)

CREATE TABLE sessions (
	id                INTEGER PRIMARY KEY,
	title             TEXT NOT NULL,
	community         TEXT NOT NULL,
	organisation      TEXT NOT NULL DEFAULT '',
	meeting_date      TEXT NOT NULL DEFAULT '',
	facilitator       TEXT NOT NULL DEFAULT '',
	focus             TEXT NOT NULL DEFAULT 'all',
	purpose           TEXT NOT NULL DEFAULT '',
	status            TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'agreed')),
	summary           TEXT NOT NULL DEFAULT '',
	framework_id      TEXT NOT NULL,
	framework_version TEXT NOT NULL,
	follows_id        INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
	created_at        TEXT NOT NULL,
	updated_at        TEXT NOT NULL,
	deleted_at        TEXT
);
CREATE INDEX sessions_by_update ON sessions (deleted_at, updated_at DESC, id DESC);

CREATE TABLE participants (
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	role       TEXT NOT NULL,
	count      INTEGER NOT NULL DEFAULT 0 CHECK (count >= 0),
	names      TEXT NOT NULL DEFAULT '', -- one name a line
	PRIMARY KEY (session_id, role)
);

CREATE TABLE words (
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	word_id    TEXT NOT NULL,
	level      INTEGER NOT NULL DEFAULT 0 CHECK (level BETWEEN 0 AND 2),
	note       TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (session_id, word_id)
);

CREATE TABLE elements (
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	code       TEXT NOT NULL,
	notes      TEXT NOT NULL DEFAULT '',
	seconds    INTEGER NOT NULL DEFAULT 0 CHECK (seconds >= 0),
	agreed_at  TEXT,
	PRIMARY KEY (session_id, code)
);

CREATE TABLE actions (
	id         INTEGER PRIMARY KEY,
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	text       TEXT NOT NULL,
	owner      TEXT NOT NULL DEFAULT '',
	due        TEXT NOT NULL DEFAULT '',
	element    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX actions_by_session ON actions (session_id, id);

-- Each undoable change: what it was before and after. Undone rows are
-- always the newest of a session's history; a new change removes them.
CREATE TABLE history (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	field      TEXT NOT NULL,
	target     TEXT NOT NULL DEFAULT '',
	before     TEXT NOT NULL,
	after      TEXT NOT NULL,
	undone     INTEGER NOT NULL DEFAULT 0,
	at         TEXT NOT NULL
);
CREATE INDEX history_by_session ON history (session_id, undone, id);
