import type { Db } from '../../db/database';
import { todayInMorocco } from '../../lib/dates';
import { CountsRepository, type CommuneCounts } from './counts.repository';

/**
 * Members, women and youth per commune, as the coverage view needs them. The triggers keep the
 * counts current as people are written; youth also changes as days pass, so the first read of a new
 * day counts everything again.
 */
export class MemberCountsService {
  private freshOn: string | null = null;

  constructor(private readonly db: Db) {}

  async byCommune(): Promise<Map<string, CommuneCounts>> {
    const today = todayInMorocco();
    const repo = new CountsRepository(this.db);
    if (this.freshOn !== today) {
      if ((await repo.asOf()) !== today) await repo.recompute();
      this.freshOn = today;
    }
    return repo.all();
  }

  /** Forces the next read to count again (after the youth age setting changes). */
  invalidate() {
    this.freshOn = null;
  }
}
