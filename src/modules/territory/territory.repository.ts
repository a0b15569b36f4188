import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { settings } from '../access/access.tables';
import type { Territory } from './territory.schema';
import { territories } from './territory.tables';

export class TerritoryRepository {
  constructor(private readonly db: DbOrTx) {}

  async all(): Promise<Territory[]> {
    return this.db.select().from(territories);
  }

  async loadedVersion(): Promise<string | undefined> {
    const row = await this.db.query.settings.findFirst({ where: eq(settings.key, 'map_version') });
    return row?.value as string | undefined;
  }

  /** Inserts or refreshes the official map; codes are stable, so bodies keep pointing at the same rows. */
  async upsertAll(rows: Territory[], version: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += 400) {
        await tx
          .insert(territories)
          .values(rows.slice(i, i + 400))
          .onConflictDoUpdate({
            target: territories.code,
            set: {
              level: sql`excluded.level`,
              parentCode: sql`excluded.parent_code`,
              regionCode: sql`excluded.region_code`,
              provinceCode: sql`excluded.province_code`,
              nameAr: sql`excluded.name_ar`,
              nameFr: sql`excluded.name_fr`,
              type: sql`excluded.type`,
              population: sql`excluded.population`,
              households: sql`excluded.households`,
              aliases: sql`excluded.aliases`,
            },
          });
      }
      await tx
        .insert(settings)
        .values({ key: 'map_version', value: version })
        .onConflictDoUpdate({ target: settings.key, set: { value: version, updatedAt: new Date() } });
    });
  }
}
