-- Written by hand: members per commune kept up to date by statement-level triggers, so that a bulk
-- import of many rows costs one grouped upsert per statement, not one per row.
CREATE FUNCTION "tanzim_youth_born_after"() RETURNS date LANGUAGE sql STABLE AS $$
  SELECT (current_date - make_interval(years => coalesce((SELECT ("value" #>> '{}')::int FROM "settings" WHERE "key" = 'people.youth_max_age'), 34) + 1))::date
$$;
--> statement-breakpoint
CREATE FUNCTION "people_counts_add"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE born_after date := tanzim_youth_born_after();
BEGIN
  INSERT INTO "commune_counts" AS c ("commune_code", "people", "members", "women", "youth")
  SELECT "commune_code",
         count(*),
         count(*) FILTER (WHERE "status" IN ('member', 'cadre')),
         count(*) FILTER (WHERE "status" IN ('member', 'cadre') AND "gender" = 'female'),
         count(*) FILTER (WHERE "status" IN ('member', 'cadre') AND coalesce("birth_date" > born_after, "birth_year" > extract(year FROM born_after)::int))
  FROM new_rows
  WHERE "commune_code" IS NOT NULL AND "erased_at" IS NULL AND ("left_on" IS NULL OR "left_on" > current_date)
  GROUP BY "commune_code"
  ON CONFLICT ("commune_code") DO UPDATE SET "people" = c."people" + excluded."people", "members" = c."members" + excluded."members",
    "women" = c."women" + excluded."women", "youth" = c."youth" + excluded."youth";
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "people_counts_remove"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE born_after date := tanzim_youth_born_after();
BEGIN
  INSERT INTO "commune_counts" AS c ("commune_code", "people", "members", "women", "youth")
  SELECT "commune_code",
         -count(*),
         -count(*) FILTER (WHERE "status" IN ('member', 'cadre')),
         -count(*) FILTER (WHERE "status" IN ('member', 'cadre') AND "gender" = 'female'),
         -count(*) FILTER (WHERE "status" IN ('member', 'cadre') AND coalesce("birth_date" > born_after, "birth_year" > extract(year FROM born_after)::int))
  FROM old_rows
  WHERE "commune_code" IS NOT NULL AND "erased_at" IS NULL AND ("left_on" IS NULL OR "left_on" > current_date)
  GROUP BY "commune_code"
  ON CONFLICT ("commune_code") DO UPDATE SET "people" = c."people" + excluded."people", "members" = c."members" + excluded."members",
    "women" = c."women" + excluded."women", "youth" = c."youth" + excluded."youth";
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "people_counts_on_insert" AFTER INSERT ON "people" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "people_counts_add"();
--> statement-breakpoint
CREATE TRIGGER "people_counts_on_delete" AFTER DELETE ON "people" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "people_counts_remove"();
--> statement-breakpoint
CREATE TRIGGER "people_counts_on_update_remove" AFTER UPDATE ON "people" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "people_counts_remove"();
--> statement-breakpoint
CREATE TRIGGER "people_counts_on_update_add" AFTER UPDATE ON "people" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "people_counts_add"();
