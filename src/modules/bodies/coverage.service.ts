import type { Db } from '../../db/database';
import { notFound } from '../../server/errors';
import type { Scope } from '../access/scope';
import type { Territory } from '../territory/territory.schema';
import type { TerritoryService } from '../territory/territory.service';
import type { MemberCountsService } from '../people/counts.service';
import { BodiesRepository } from './bodies.repository';
import type { Coverage, CoverageTotals } from './bodies.schema';
import { BODY_KINDS, bodyKinds, type BodyKind } from './body-kinds';

const COVERAGE_KINDS: readonly BodyKind[] = BODY_KINDS.filter((k) => bodyKinds[k].isCoverage);
type CommuneStatus = 'constituted' | 'preparatory' | 'none';

const NO_COUNTS: MemberCounts = { members: 0, women: 0, youth: 0 };
type MemberCounts = { members: number; women: number; youth: number };

function totalsOf(communes: Array<{ status: CommuneStatus; counts: MemberCounts }>): CoverageTotals {
  const totals = { communes: communes.length, constituted: 0, preparatory: 0, none: 0, coveredShare: 0, members: 0, women: 0, youth: 0 };
  for (const { status, counts } of communes) {
    totals[status]++;
    totals.members += counts.members;
    totals.women += counts.women;
    totals.youth += counts.youth;
  }
  totals.coveredShare = totals.communes ? Math.round(((totals.constituted + totals.preparatory) / totals.communes) * 10_000) / 10_000 : 0;
  return totals;
}

/**
 * Which communes of a territory have a constituted body, only a preparatory one, or nothing.
 * One query fetches the active coverage bodies of the subtree; the map in memory does the rest.
 */
export class CoverageService {
  constructor(
    private readonly db: Db,
    private readonly territories: TerritoryService,
    private readonly counts: MemberCountsService,
  ) {}

  /** Coverage of the part of a territory the scope covers: its communes, totals and children are counted within it only. */
  async compute(code: string, scope: Scope): Promise<Coverage> {
    const territory = this.territories.require(code);
    const visible = scope.within(code);
    if (visible.isEmpty) throw notFound('territory_not_found', { code });
    const communes = this.territories.communesWithin(code).filter((c) => visible.covers(c.code));
    const [rows, counts] = await Promise.all([new BodiesRepository(this.db).coverageBodies(code, COVERAGE_KINDS), this.counts.byCommune()]);
    const byCommune = new Map<string, typeof rows>();
    for (const row of rows) {
      const list = byCommune.get(row.territoryCode) ?? [];
      list.push(row);
      byCommune.set(row.territoryCode, list);
    }
    const statusOf = new Map<string, CommuneStatus>();
    const communeItems = communes.map((c) => {
      const found = byCommune.get(c.code) ?? [];
      const status: CommuneStatus = found.some((b) => b.status === 'constituted') ? 'constituted' : found.length > 0 ? 'preparatory' : 'none';
      statusOf.set(c.code, status);
      return {
        code: c.code,
        nameAr: c.nameAr,
        nameFr: c.nameFr,
        population: c.population,
        status,
        counts: counts.get(c.code) ?? NO_COUNTS,
        bodies: found.map((b) => ({ id: b.id, kind: b.kind as BodyKind, nameAr: b.nameAr, nameFr: b.nameFr, status: b.status })),
      };
    });

    const childKey: ((c: Territory) => string | null) | null =
      territory.level === 'country' ? (c) => c.regionCode : territory.level === 'region' ? (c) => c.provinceCode : null;
    const children = childKey
      ? this.territories
          .children(code)
          .filter((child) => communes.some((c) => childKey(c) === child.code))
          .map((child) => ({
          code: child.code,
          level: child.level,
          nameAr: child.nameAr,
          nameFr: child.nameFr,
          totals: totalsOf(communeItems.filter((_, i) => childKey(communes[i] as Territory) === child.code)),
        }))
      : [];

    const uncovered = communeItems
      .filter((c) => c.status === 'none')
      .sort((a, b) => (b.population ?? 0) - (a.population ?? 0))
      .map(({ code: c, nameAr, nameFr, population }) => ({ code: c, nameAr, nameFr, population }));

    return {
      territory: { code: territory.code, level: territory.level, nameAr: territory.nameAr, nameFr: territory.nameFr, population: territory.population },
      totals: totalsOf(communeItems),
      communes: communeItems,
      children,
      uncovered,
    };
  }
}
