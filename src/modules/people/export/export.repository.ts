import { and, asc, eq, gt } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database';
import type { Scope } from '../../access/scope';
import { territories } from '../../territory/territory.tables';
import { PeopleRepository, type PeopleFilter } from '../people.repository';
import { people } from '../people.tables';

/** Pages of a filtered people list for an export, by id: each page is a range of the primary key. */
export class PeopleExportRepository {
  private readonly peopleRepo: PeopleRepository;

  constructor(private readonly db: DbOrTx) {
    this.peopleRepo = new PeopleRepository(db);
  }

  page(filter: PeopleFilter, scope: Scope, afterId: string | null, limit: number) {
    // The list's own filters (scope, segments, fees, consents), so an export is exactly what the list shows.
    const conditions = this.peopleRepo.filterConditions(filter, scope);
    return this.db
      .select({ person: people, commune: { code: territories.code, level: territories.level, nameAr: territories.nameAr, nameFr: territories.nameFr } })
      .from(people)
      .leftJoin(territories, eq(territories.code, people.communeCode))
      .where(and(...conditions, afterId ? gt(people.id, afterId) : undefined))
      .orderBy(asc(people.id))
      .limit(limit);
  }
}
