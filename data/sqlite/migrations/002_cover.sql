-- Version 2: the board cover sheet printed before the map.
CREATE TABLE covers (
	session_id               INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
	meeting                  TEXT NOT NULL DEFAULT '',
	meeting_date             TEXT NOT NULL DEFAULT '',
	agenda_item              TEXT NOT NULL DEFAULT '',
	author                   TEXT NOT NULL DEFAULT '',
	presenter                TEXT NOT NULL DEFAULT '',
	purpose                  TEXT NOT NULL DEFAULT '',
	executive_summary        TEXT NOT NULL DEFAULT '',
	recommendations          TEXT NOT NULL DEFAULT '',
	previously_considered_by TEXT NOT NULL DEFAULT ''
);
