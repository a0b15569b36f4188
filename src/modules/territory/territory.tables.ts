import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';

/** The official map: country, regions, provinces and prefectures, communes (HCP RGPH 2024). Read-only reference data. */
export const territories = pgTable(
  'territories',
  {
    code: text('code').primaryKey(),
    level: text('level', { enum: ['country', 'region', 'province', 'commune'] }).notNull(),
    parentCode: text('parent_code'),
    regionCode: text('region_code'),
    provinceCode: text('province_code'),
    nameAr: text('name_ar').notNull(),
    nameFr: text('name_fr').notNull(),
    type: text('type').notNull(),
    population: integer('population'),
    households: integer('households'),
    aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
  },
  (t) => [index('territories_parent_idx').on(t.parentCode), index('territories_province_idx').on(t.provinceCode), index('territories_region_idx').on(t.regionCode)],
);
