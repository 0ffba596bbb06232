-- Rules the database itself enforces, whatever the client: written by hand, since Prisma's schema language does
-- not express them. Prisma's diff ignores check constraints and triggers, so they survive later migrations.

-- ─── What must be true of a row ──────────────────────────────────────────────
ALTER TABLE "production_record"
  ADD CONSTRAINT "production_year_sane" CHECK ("year" BETWEEN 1950 AND 2060),
  ADD CONSTRAINT "production_quantity_nonnegative" CHECK ("quantity" >= 0),
  ADD CONSTRAINT "production_unit_known" CHECK ("unit" IN ('t', 'kt', 'share')),
  ADD CONSTRAINT "production_basis_known" CHECK ("basis" IN ('REO', 'metal', 'gross')),
  ADD CONSTRAINT "production_share_is_fraction" CHECK ("unit" <> 'share' OR "quantity" <= 1),
  ADD CONSTRAINT "production_stage_known" CHECK ("stage" IN ('mining', 'separation', 'metal', 'magnet', 'recycling'));

ALTER TABLE "trade_flow"
  ADD CONSTRAINT "trade_year_sane" CHECK ("year" BETWEEN 1950 AND 2060),
  ADD CONSTRAINT "trade_quantity_nonnegative" CHECK ("quantity" >= 0 AND ("valueUsd" IS NULL OR "valueUsd" >= 0)),
  ADD CONSTRAINT "trade_unit_known" CHECK ("unit" IN ('t', 'share')),
  ADD CONSTRAINT "trade_basis_known" CHECK ("basis" IN ('REO', 'metal', 'gross')),
  ADD CONSTRAINT "trade_share_is_fraction" CHECK ("unit" <> 'share' OR "quantity" <= 1),
  ADD CONSTRAINT "trade_not_with_itself" CHECK ("importer" <> "exporter"),
  ADD CONSTRAINT "trade_stage_known" CHECK ("stage" IN ('mining', 'separation', 'metal', 'magnet', 'recycling'));

ALTER TABLE "governance_score"
  ADD CONSTRAINT "governance_wgi_range" CHECK ("wgi" BETWEEN 0 AND 10),
  ADD CONSTRAINT "governance_year_sane" CHECK ("year" BETWEEN 1996 AND 2060);

ALTER TABLE "reserve_estimate"
  ADD CONSTRAINT "reserve_quantity_nonnegative" CHECK ("quantity" >= 0),
  ADD CONSTRAINT "reserve_year_sane" CHECK ("year" BETWEEN 1950 AND 2060);

ALTER TABLE "facility"
  ADD CONSTRAINT "facility_capacity_nonnegative" CHECK ("capacityPerYear" IS NULL OR "capacityPerYear" >= 0),
  ADD CONSTRAINT "facility_status_known" CHECK ("operatingStatus" IN ('operating', 'construction', 'planned', 'closed'));

ALTER TABLE "stockpile"
  ADD CONSTRAINT "stockpile_days_range" CHECK ("days" BETWEEN 0 AND 3650);

ALTER TABLE "dataset_version"
  ADD CONSTRAINT "current_is_published" CHECK (NOT "isCurrent" OR "status" = 'published');

-- ─── Exactly one current version per dataset ─────────────────────────────────
CREATE UNIQUE INDEX "dataset_version_one_current" ON "dataset_version" ("datasetId") WHERE "isCurrent";

-- ─── Published versions never change ─────────────────────────────────────────
-- No row of a published version may be inserted, updated or deleted.
CREATE FUNCTION "ree_refuse_change_to_published_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched text[];
BEGIN
  IF TG_OP = 'INSERT' THEN touched := ARRAY[NEW."versionId"];
  ELSIF TG_OP = 'DELETE' THEN touched := ARRAY[OLD."versionId"];
  ELSE touched := ARRAY[OLD."versionId", NEW."versionId"];
  END IF;
  IF EXISTS (SELECT 1 FROM "dataset_version" WHERE "id" = ANY (touched) AND "status" = 'published') THEN
    RAISE EXCEPTION 'dataset version is published and cannot be changed (table %)', TG_TABLE_NAME
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['source', 'country', 'element', 'governance_score', 'production_record',
    'reserve_estimate', 'facility', 'trade_flow', 'partnership', 'investment', 'policy_measure', 'stockpile']
  LOOP
    EXECUTE format(
      'CREATE TRIGGER "%s_published_immutable" BEFORE INSERT OR UPDATE OR DELETE ON %I
         FOR EACH ROW EXECUTE FUNCTION "ree_refuse_change_to_published_rows"()', t, t);
  END LOOP;
END $$;

-- A published version itself may only change whether it is current (publishing another, rolling back).
CREATE FUNCTION "ree_guard_published_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'published' THEN
    IF TG_OP = 'DELETE' THEN
      RAISE EXCEPTION 'a published dataset version cannot be deleted' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW."status" IS DISTINCT FROM OLD."status" OR NEW."label" IS DISTINCT FROM OLD."label"
       OR NEW."datasetId" IS DISTINCT FROM OLD."datasetId" OR NEW."contentHash" IS DISTINCT FROM OLD."contentHash"
       OR NEW."publishedAt" IS DISTINCT FROM OLD."publishedAt" OR NEW."note" IS DISTINCT FROM OLD."note" THEN
      RAISE EXCEPTION 'a published dataset version is immutable; only "isCurrent" may change'
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "dataset_version_published_immutable" BEFORE UPDATE OR DELETE ON "dataset_version"
  FOR EACH ROW EXECUTE FUNCTION "ree_guard_published_version"();
