-- Rules of the 2026.12 data model the database enforces itself (written by hand: Prisma's schema language does
-- not express them, and its diff leaves check constraints and triggers alone).

-- ─── Facilities: the finer stages and statuses, coordinates, a capacity with its kind ─────────────────────────
ALTER TABLE "facility" DROP CONSTRAINT "facility_status_known";
ALTER TABLE "facility"
  ADD CONSTRAINT "facility_status_known" CHECK ("operatingStatus" IN
    ('operating', 'commissioning', 'construction', 'planned', 'suspended', 'closed', 'abandoned')),
  ADD CONSTRAINT "facility_stage_known" CHECK ("stage" IN
    ('exploration', 'mining', 'cracking', 'separation', 'metal', 'magnet', 'recycling')),
  ADD CONSTRAINT "facility_coordinates_sane" CHECK (
    ("latitude" IS NULL) = ("longitude" IS NULL)
    AND ("latitude" IS NULL OR "latitude" BETWEEN -90 AND 90)
    AND ("longitude" IS NULL OR "longitude" BETWEEN -180 AND 180)),
  ADD CONSTRAINT "facility_capacity_has_kind" CHECK ("capacityPerYear" IS NULL OR "capacityKind" IN ('design', 'output', 'target'));

-- ─── Stockpiles: a target or a reported holding has days; undisclosed holdings have none ──────────────────────
ALTER TABLE "stockpile"
  ADD CONSTRAINT "stockpile_kind_known" CHECK ("kind" IN ('target', 'reported', 'undisclosed')),
  ADD CONSTRAINT "stockpile_days_when_known" CHECK (("kind" = 'undisclosed') = ("days" IS NULL));

-- ─── Policies: in force from its effective date; a suspension has a start before its end ─────────────────────
ALTER TABLE "policy_measure"
  ADD CONSTRAINT "policy_effective_after_announced" CHECK ("effectiveOn" IS NULL OR "effectiveOn" >= "startDate"),
  ADD CONSTRAINT "policy_suspension_ordered" CHECK (
    "suspendedUntil" IS NULL OR ("suspendedOn" IS NOT NULL AND "suspendedUntil" > "suspendedOn"));

-- ─── New tables ──────────────────────────────────────────────────────────────
ALTER TABLE "material_indicator"
  ADD CONSTRAINT "indicator_known" CHECK ("indicator" IN
    ('eol-rir', 'si-sr', 'import-reliance', 'supply-risk', 'economic-importance')),
  ADD CONSTRAINT "indicator_value_range" CHECK (
    "value" >= 0 AND ("indicator" NOT IN ('eol-rir', 'si-sr', 'import-reliance') OR "value" <= 1)),
  ADD CONSTRAINT "indicator_year_sane" CHECK ("year" BETWEEN 1950 AND 2060);

ALTER TABLE "price_point"
  ADD CONSTRAINT "price_positive" CHECK ("price" > 0 AND ("low" IS NULL OR "low" > 0) AND ("high" IS NULL OR "high" >= "low")),
  ADD CONSTRAINT "price_year_sane" CHECK ("year" BETWEEN 1950 AND 2060);

ALTER TABLE "article_claim"
  ADD CONSTRAINT "claim_assessment_known" CHECK ("assessment" IN ('consistent', 'partly-consistent', 'not-found', 'contradicted'));

-- Rows of a published version never change, in the new tables too.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['material_indicator', 'price_point', 'article_claim']
  LOOP
    EXECUTE format(
      'CREATE TRIGGER "%s_published_immutable" BEFORE INSERT OR UPDATE OR DELETE ON %I
         FOR EACH ROW EXECUTE FUNCTION "ree_refuse_change_to_published_rows"()', t, t);
  END LOOP;
END $$;
