"""Alembic environment for a desk database; always run on a connection handed in by the store."""

from alembic import context

from desk_app.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
