// A generated registry of people with Moroccan names, for benchmarks.
import { FEMALE_GIVEN, MALE_GIVEN, familyNames, latinSpellings, type NamePair } from './moroccan-names';
import { weighted, zipf, uuid, type Random } from './random';

export interface GeneratedPerson {
  id: string;
  givenNameAr: string | null;
  familyNameAr: string | null;
  givenNameLatin: string | null;
  familyNameLatin: string | null;
  gender: 'female' | 'male';
  birthYear: number;
  communeCode: string;
  status: 'sympathizer' | 'member' | 'cadre';
}

/** Shares of the generated registry. */
export const SHARES = {
  women: 0.4,
  /** Family names of two parts (El Alaoui El Mansouri, Tazi Benjelloun). */
  doubleFamily: 0.15,
  arabicOnly: 0.03,
  latinOnly: 0.02,
} as const;

/** The name lists of the generator, and the Latin spelling of every Arabic name and family-name part. */
export function nameLists() {
  const families = familyNames();
  const latinOf = latinSpellings([...MALE_GIVEN, ...FEMALE_GIVEN, ...families.map((f) => f.pair)]);
  return { families, latinOf, givenCount: MALE_GIVEN.length + FEMALE_GIVEN.length };
}

/**
 * People drawn from the name lists: given names with a Zipf-like frequency (Mohamed and Fatima first),
 * family names weighted by root and pattern, a share of them double; a few people with names in one
 * script only. Everything comes from `rand`, so a seed gives the same registry.
 */
export function personGenerator(rand: Random, communes: readonly string[]) {
  const { families } = nameLists();
  const male = zipf(MALE_GIVEN.length, 0.4);
  const female = zipf(FEMALE_GIVEN.length, 0.4);
  const family = weighted(families.map((f) => f.weight));
  const familyPair = (): NamePair => families[family(rand)]?.pair ?? ['', ''];
  const statuses = weighted([0.15, 0.72, 0.13]);
  const STATUS = ['sympathizer', 'member', 'cadre'] as const;

  return (): GeneratedPerson => {
    const isWoman = rand() < SHARES.women;
    const [givenAr, givenLatin] = isWoman ? (FEMALE_GIVEN[female(rand)] as NamePair) : (MALE_GIVEN[male(rand)] as NamePair);
    let [familyAr, familyLatin] = familyPair();
    if (rand() < SHARES.doubleFamily) {
      let second = familyPair();
      while (second[0] === familyAr) second = familyPair();
      familyAr = `${familyAr} ${second[0]}`;
      familyLatin = `${familyLatin} ${second[1]}`;
    }
    const s = rand();
    const arabicOnly = s < SHARES.arabicOnly;
    const latinOnly = !arabicOnly && s < SHARES.arabicOnly + SHARES.latinOnly;
    return {
      id: uuid(rand),
      givenNameAr: latinOnly ? null : givenAr,
      familyNameAr: latinOnly ? null : familyAr,
      givenNameLatin: arabicOnly ? null : givenLatin,
      familyNameLatin: arabicOnly ? null : familyLatin,
      gender: isWoman ? 'female' : 'male',
      birthYear: 1950 + Math.floor(rand() * 57),
      communeCode: communes[Math.floor(rand() * communes.length)] ?? '',
      status: STATUS[statuses(rand)] ?? 'member',
    };
  };
}

/**
 * The Latin spelling of an Arabic name from the lists: the whole name, or a double family name
 * split at the space where both halves are known names.
 */
export function latinSpelling(latinOf: ReadonlyMap<string, string>, ar: string): string | null {
  const whole = latinOf.get(ar);
  if (whole) return whole;
  const spaces = [...ar.matchAll(/ /gu)].map((m) => m.index ?? 0);
  for (const at of spaces) {
    const a = latinOf.get(ar.slice(0, at));
    const b = latinOf.get(ar.slice(at + 1));
    if (a && b) return `${a} ${b}`;
  }
  return null;
}
