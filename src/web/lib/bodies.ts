import type { BodyKind, BodyStatus, Sector, TerritoryLevel } from '../api/types';

// Fallbacks for filters shown before `/api/body-kinds` answers; the server's declarations are authoritative.
export const BODY_KINDS: readonly BodyKind[] = [
  'national_secretariat',
  'regional_secretariat',
  'provincial_secretariat',
  'local_secretariat',
  'preparatory_committee',
  'sector_body',
];

export const BODY_STATUSES: readonly BodyStatus[] = ['preparatory', 'constituted', 'dissolved'];
export const SECTORS: readonly Sector[] = ['youth', 'women'];

/** A preparatory committee starts preparatory; every other body is created constituted. */
export function initialStatusOf(kind: BodyKind): BodyStatus {
  return kind === 'preparatory_committee' ? 'preparatory' : 'constituted';
}

/** The body kind most often created on a territory of this level. */
export function usualKindAt(level: TerritoryLevel): BodyKind {
  switch (level) {
    case 'country':
      return 'national_secretariat';
    case 'region':
      return 'regional_secretariat';
    case 'province':
      return 'provincial_secretariat';
    case 'commune':
      return 'preparatory_committee';
  }
}

/** Depth of a territory code in the map: MA, 2-digit region, 5-digit province, 9-digit commune. */
export function levelOfCode(code: string): TerritoryLevel {
  if (code === 'MA') return 'country';
  if (code.length <= 2) return 'region';
  if (code.length <= 5) return 'province';
  return 'commune';
}

// A dissolved body stays dissolved; a new body is created instead.
const STATUS_MOVES: Record<BodyStatus, readonly BodyStatus[]> = {
  preparatory: ['constituted', 'dissolved'],
  constituted: ['dissolved'],
  dissolved: [],
};

/** Statuses a body can move to. A preparatory committee is never constituted itself: a local secretariat succeeds it. */
export function nextStatuses(kind: BodyKind, status: BodyStatus): BodyStatus[] {
  return STATUS_MOVES[status].filter((next) => !(kind === 'preparatory_committee' && next === 'constituted'));
}

const STARTS_WITH_VOWEL = /^[aeiouyàâäéèêëîïôöûü]/i;

/** "اللجنة التحضيرية بالبهاليل" / "Comité préparatoire de Bhalil": a starting point the officer can edit. */
export function suggestedNames(kindAr: string, kindFr: string, territory: { nameAr: string; nameFr: string }) {
  const of = STARTS_WITH_VOWEL.test(territory.nameFr) ? "d'" : 'de ';
  return { nameAr: `${kindAr} ب${territory.nameAr}`, nameFr: `${kindFr} ${of}${territory.nameFr}` };
}
