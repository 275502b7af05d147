-- pg_trgm gives similarity search for names and duplicate detection; both PGlite and PostgreSQL 15 ship it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
