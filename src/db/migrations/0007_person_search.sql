-- Written by hand (the function): a name token with its one-letter deletions, after folding each group
-- of close letters into one (vowels into a, ط into ت, ق into ك…: foldForLookup in src/lib/names.ts has
-- the same two lists). The GIN index over it lets a misspelled word's own deletions find the tokens one
-- or two edits away by exact lookups (symmetric-delete spelling correction) instead of a trigram scan of
-- the dictionary. Phonetic tokens ("~" and a key) keep their mark. Tokens under three letters get no
-- deletions, nor those over twelve: whole double family names, each carried by one person or two, which
-- would make most of the index.
CREATE FUNCTION "name_token_variants"("token" text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  WITH f AS (SELECT translate("token", 'eiouycqصثطظذزضقحوي', 'aaaaakkستتددددكهاا') AS folded),
       s AS (SELECT CASE WHEN left(folded, 1) = '~' THEN '~' ELSE '' END AS mark,
                    CASE WHEN left(folded, 1) = '~' THEN substr(folded, 2) ELSE folded END AS base FROM f)
  SELECT array_agg(DISTINCT v) FROM (
    SELECT mark || base AS v FROM s
    UNION ALL
    SELECT mark || left(base, i - 1) || substr(base, i + 1) FROM s CROSS JOIN generate_series(1, length(base)) i WHERE length(base) BETWEEN 3 AND 12
  ) x
$$;
--> statement-breakpoint
DROP INDEX "name_tokens_trgm_idx";--> statement-breakpoint
CREATE INDEX "name_tokens_variants_idx" ON "name_tokens" USING gin (name_token_variants("token"));--> statement-breakpoint
CREATE INDEX "name_tokens_prefix_idx" ON "name_tokens" USING btree ("token" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "people_arabic_only_search_tokens_idx" ON "people" USING gin ("search_tokens") WHERE "people"."given_name_latin" is null and "people"."family_name_latin" is null;--> statement-breakpoint
CREATE INDEX "people_latin_only_search_tokens_idx" ON "people" USING gin ("search_tokens") WHERE "people"."given_name_ar" is null and "people"."family_name_ar" is null;