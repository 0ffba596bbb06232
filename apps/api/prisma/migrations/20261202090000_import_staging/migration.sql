-- A batch is "staging" while its upload is being read and checked; only then "validated" (appliable).
-- Its own migration: PostgreSQL does not let a script use an enum value it added before committing it.
ALTER TYPE "ImportStatus" ADD VALUE 'staging' BEFORE 'validated';
