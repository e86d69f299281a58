"""The local store: SQLAlchemy 2 on SQLite. The only layer that writes SQL."""
