import { z } from 'zod';

export const TERRITORY_LEVELS = ['country', 'region', 'province', 'commune'] as const;
export const territoryLevel = z.enum(TERRITORY_LEVELS);
export type TerritoryLevel = z.infer<typeof territoryLevel>;

/** 'MA', or an HCP code: 2 digits (region), 5 (province or prefecture), 9 (commune). */
export const territoryCode = z.string().regex(/^(MA|\d{2}|\d{5}|\d{9})$/, 'MA or a 2-, 5- or 9-digit HCP code');

export const territory = z
  .object({
    code: z.string(),
    level: territoryLevel,
    parentCode: z.string().nullable(),
    regionCode: z.string().nullable(),
    provinceCode: z.string().nullable(),
    nameAr: z.string(),
    nameFr: z.string(),
    type: z.string(),
    population: z.number().int().nullable(),
    households: z.number().int().nullable(),
    aliases: z.array(z.string()),
  })
  .meta({ id: 'Territory' });
export type Territory = z.infer<typeof territory>;

/** The short form other resources embed. */
export const territoryRef = z.object({ code: z.string(), level: territoryLevel, nameAr: z.string(), nameFr: z.string() }).meta({ id: 'TerritoryRef' });
export type TerritoryRef = z.infer<typeof territoryRef>;

export const territoryDetail = territory.extend({ ancestors: z.array(territory), childrenCount: z.number().int() });

export const territoryListQuery = z.strictObject({
  level: territoryLevel.optional(),
  parent: territoryCode.optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const codeParams = z.strictObject({ code: territoryCode });

export const territoryMap = z.object({
  childLevel: territoryLevel,
  object: z.string(),
  topology: z.record(z.string(), z.unknown()).nullable().describe('TopoJSON Topology; properties.code of each geometry is a child territory code'),
});
