"""SQLAlchemy tables, the engine and its pragmas, migrations and change stamping."""
