import { describe, expect, it } from 'vitest';
import type { SearchCandidate } from './people.repository';
import { matchTokens, personSearchTokens, planSearch, rankAll, rankCandidate, searchQueryWords, type PersonNames } from './person-search';

let nextId = 0;
const person = (names: PersonNames): SearchCandidate => ({
  id: `00000000-0000-4000-8000-${String(++nextId).padStart(12, '0')}`,
  givenNameAr: names.givenNameAr ?? null,
  familyNameAr: names.familyNameAr ?? null,
  givenNameLatin: names.givenNameLatin ?? null,
  familyNameLatin: names.familyNameLatin ?? null,
  searchTokens: personSearchTokens(names),
});

/** Ranks people for a query the way the search does, with the dictionary made of these people's tokens. */
function rank(q: string, people: SearchCandidate[]) {
  const plan = planSearch(q);
  if (!plan) throw new Error(`no words in ${q}`);
  const counts = new Map<string, number>();
  for (const p of people) for (const t of p.searchTokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  const matches = matchTokens(
    plan,
    [...counts].map(([token, n]) => ({ token, people: n })),
  );
  return rankAll(
    people.map((p) => rankCandidate(plan, matches, p)).filter((r) => r.score > 0),
    100 * plan.words.length,
  );
}

const names = (ranked: ReturnType<typeof rank>) => ranked.map((r) => r.candidate.familyNameLatin ?? r.candidate.familyNameAr);

describe('searchQueryWords', () => {
  it('leaves out lone articles and reads Arabic with and without its article or a written alef', () => {
    expect(searchQueryWords('El Hajira').map((w) => w.keys[0]?.key)).toEqual(['hajira']);
    expect(searchQueryWords('الحجيرة')[0]?.keys.map((k) => k.key)).toEqual(['الحجيره', 'حجيره']);
    expect(searchQueryWords('اعميمي')[0]?.keys).toEqual([
      { key: 'اعميمي', exact: 100 },
      { key: 'عميمي', exact: 95 },
    ]);
    expect(searchQueryWords('ال')).toEqual([]);
  });
});

describe('planSearch', () => {
  it('looks up the deletions of each folded word, its phonetic key, and the two words joined', () => {
    const plan = planSearch('Ben Madeh')!;
    expect(plan.probe.exact).toEqual(expect.arrayContaining(['ben', 'madeh', '~bn', '~md', 'benmadeh']));
    // "madeh" folded is "madah": its deletions find Madih, Mdeh, Madeh alike.
    expect(plan.probe.variants).toEqual(expect.arrayContaining(['madah', 'mdah', 'maah', 'madh']));
    expect(plan.probe.prefixes).toEqual(['ben', 'madeh']);
  });
});

describe('ranking', () => {
  it('puts the exact spelling first, then close letters and vowels, then other typos', () => {
    const people = [person({ givenNameLatin: 'Sakina', familyNameLatin: 'Kammari' }), person({ givenNameLatin: 'Amina', familyNameLatin: 'Kammali' }), person({ givenNameLatin: 'Hind', familyNameLatin: 'Kammal' })];
    // y for i is a quarter of an edit, a final y missing a whole one, and r for l besides more.
    expect(names(rank('Kammaly', people))).toEqual(['Kammali', 'Kammal', 'Kammari']);
    expect(names(rank('Kammali', people))[0]).toBe('Kammali');
  });

  it('prefers the person whose given and family names both match, and whose names the query covers', () => {
    const people = [
      person({ givenNameLatin: 'Youssef', familyNameLatin: 'Hakil' }),
      person({ givenNameLatin: 'Youssef', familyNameLatin: 'Hamil Tazi' }),
      person({ givenNameLatin: 'Youssef', familyNameLatin: 'Hamil' }),
      person({ givenNameLatin: 'Karim', familyNameLatin: 'Hamil' }),
    ];
    const ranked = rank('Youssef Hamil', people);
    // Karim Hamil matches one word of two: last, but listed, as a word may be misspelled past recognition.
    expect(ranked.map((r) => `${r.candidate.givenNameLatin} ${r.candidate.familyNameLatin}`)).toEqual(['Youssef Hamil', 'Youssef Hamil Tazi', 'Youssef Hakil', 'Karim Hamil']);
  });

  it('keeps a query with one word that matches nothing from coming back empty', () => {
    const hind = person({ givenNameLatin: 'Hind', familyNameLatin: 'Bensabih' });
    expect(rank('Xqzt Bensabih', [hind]).map((r) => r.candidate.id)).toEqual([hind.id]);
    expect(rank('Xqzt Wvkj Bensabih', [hind])).toEqual([]);
  });

  it('finds a name written only in Arabic from its Latin spelling, compounds included', () => {
    const arabic = person({ givenNameAr: 'عبد اللطيف', familyNameAr: 'حميل' });
    const latin = person({ givenNameLatin: 'Abdellatif', familyNameLatin: 'Hakil' });
    expect(rank('Abdellatif Hamil', [latin, arabic])[0]?.candidate.id).toBe(arabic.id);
    expect(rank('عبدالرحيم', [person({ givenNameAr: 'عبد الرحيم', familyNameAr: 'بناني' })])).toHaveLength(1);
  });

  it('shows other spellings of a misspelled name before more people of one spelling', () => {
    const people = [
      ...['Adil', 'Fatima', 'Hamza', 'Omar'].map((g) => person({ givenNameLatin: g, familyNameLatin: 'Halmouni' })),
      person({ givenNameLatin: 'Hiba', familyNameLatin: 'Zalmouli' }),
    ];
    // Both one edit from "Zalmouni": at most two of the Halmounis come before Zalmouli.
    expect(names(rank('Zalmouni', people)).indexOf('Zalmouli')).toBeLessThanOrEqual(2);
    // Exact matches are never held back.
    expect(names(rank('Halmouni', people)).slice(0, 4)).toEqual(['Halmouni', 'Halmouni', 'Halmouni', 'Halmouni']);
  });
});
