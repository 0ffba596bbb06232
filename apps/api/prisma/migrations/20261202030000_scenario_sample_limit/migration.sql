-- Scenarios may ask for at most 20,000 Monte Carlo samples now (SCENARIO_LIMITS.maxSamples in @ree/domain; the
-- editor used to allow 200,000). Saved scenarios above it are brought down to it, so every saved input still
-- passes ScenarioInput; the stored result keeps the figures of the run it came from until the scenario is re-run.
-- Written by hand: a data change Prisma's schema diff does not make.
UPDATE "scenario"
SET "input" = jsonb_set("input", '{monteCarlo,samples}', '20000'::jsonb)
WHERE jsonb_typeof("input" -> 'monteCarlo' -> 'samples') = 'number'
  AND ("input" -> 'monteCarlo' ->> 'samples')::numeric > 20000;
