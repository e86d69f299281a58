"""The reference central platform: FastAPI on SQLAlchemy (SQLite or PostgreSQL). No Qt."""
