import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { communeCounts } from './counts.tables';

export type CommuneCounts = { people: number; members: number; women: number; youth: number };

export class CountsRepository {
  constructor(private readonly db: DbOrTx) {}

  async all(): Promise<Map<string, CommuneCounts>> {
    const rows = await this.db.select().from(communeCounts);
    return new Map(rows.map((r) => [r.communeCode, { people: r.people, members: r.members, women: r.women, youth: r.youth }]));
  }

  async asOf(): Promise<string | null> {
    const [row] = await this.db.select({ asOf: sql<string | null>`max(${communeCounts.asOf})::text` }).from(communeCounts);
    return row?.asOf ?? null;
  }

  /** Counts everything again from the people table: once a day, since people age into and out of youth. */
  async recompute(): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.execute(sql`lock table people in share mode`);
      await tx.delete(communeCounts).where(sql`true`);
      await tx.execute(sql`
        insert into commune_counts (commune_code, people, members, women, youth, as_of)
        select commune_code,
               count(*),
               count(*) filter (where status in ('member', 'cadre')),
               count(*) filter (where status in ('member', 'cadre') and gender = 'female'),
               count(*) filter (where status in ('member', 'cadre') and coalesce(birth_date > tanzim_youth_born_after(), birth_year > extract(year from tanzim_youth_born_after())::int)),
               current_date
        from people
        where commune_code is not null and erased_at is null and (left_on is null or left_on > current_date)
        group by commune_code`);
      // A marker row keeps the date even when no one is counted yet.
      await tx.execute(sql`insert into commune_counts (commune_code, as_of) values ('MA', current_date) on conflict (commune_code) do update set as_of = current_date`);
    });
  }

  get(code: string) {
    return this.db.query.communeCounts.findFirst({ where: eq(communeCounts.communeCode, code) });
  }
}
