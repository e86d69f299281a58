"""Alembic environment for the central platform; run on a connection handed in by the server."""

from alembic import context

from sync.server.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata,
                  version_table="server_alembic_version")
with context.begin_transaction():
    context.run_migrations()
