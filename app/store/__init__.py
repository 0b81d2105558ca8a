"""The station's encrypted SQLite store: keys, users, records, audit, migrations."""
