import { editDistance, hasArabicLetters, nameKeys, phoneticKey } from '../../lib/names';

/** The name fields a person is searched by. */
export interface PersonNames {
  givenNameAr?: string | null;
  familyNameAr?: string | null;
  givenNameLatin?: string | null;
  familyNameLatin?: string | null;
}

const PHONETIC = '~';

/** Arabic keys with and without the article: الحجيرة is also searched as حجيرة. */
function arabicVariants(key: string): string[] {
  return key.startsWith('ال') && key.length > 4 ? [key, key.slice(2)] : [key];
}

function wordsOf(field: string): string[] {
  return field.split(/[\s\-\u2010-\u2015_,;/'’]+/u).filter((w) => w.length > 0);
}

/**
 * The tokens stored with a person and matched by the search: each name word normalized (both
 * scripts), the whole of each name field joined (عبد الله = عبدالله), and each word's cross-script
 * phonetic key, marked with "~", so that a Latin query finds a name written only in Arabic.
 */
export function personSearchTokens(p: PersonNames): string[] {
  const tokens = new Set<string>();
  for (const field of [p.givenNameAr, p.familyNameAr, p.givenNameLatin, p.familyNameLatin]) {
    if (!field?.trim()) continue;
    const words = wordsOf(field);
    for (const word of words) {
      const { key } = nameKeys(word);
      if (!key) continue;
      for (const k of hasArabicLetters(word) ? arabicVariants(key) : [key]) tokens.add(k);
      const phonetic = phoneticKey(word);
      if (phonetic) tokens.add(PHONETIC + phonetic);
    }
    if (words.length > 1) {
      const whole = nameKeys(field).key;
      if (whole) for (const k of hasArabicLetters(field) ? arabicVariants(whole) : [whole]) tokens.add(k);
    }
  }
  return [...tokens];
}

export interface QueryWord {
  /** Normalized forms looked up exactly. */
  keys: string[];
  /** The form matched by similarity against the token dictionary. */
  fuzzy: string;
  phonetic: string | null;
}

/** The words of a search query, each with the keys it is looked up by. */
export function searchQueryWords(q: string): QueryWord[] {
  return wordsOf(q)
    .map((word): QueryWord | null => {
      const { key } = nameKeys(word);
      if (!key || key === 'ال' || ['el', 'al'].includes(key)) return null;
      const phonetic = phoneticKey(word);
      return { keys: hasArabicLetters(word) ? arabicVariants(key) : [key], fuzzy: key, phonetic: phonetic ? PHONETIC + phonetic : null };
    })
    .filter((w): w is QueryWord => w !== null);
}

/**
 * How well a person's tokens answer a query: per query word the best of exact (100), prefix (80), one
 * or two typos (60/40) and same phonetic key (30); a word that matches nothing scores 0 for the person.
 */
export function scorePerson(words: QueryWord[], tokens: readonly string[]): number {
  const plain = tokens.filter((t) => !t.startsWith(PHONETIC));
  let total = 0;
  for (const w of words) {
    let best = 0;
    for (const t of plain) {
      for (const k of w.keys) {
        if (t === k) best = Math.max(best, 100);
        else if (k.length >= 2 && t.startsWith(k)) best = Math.max(best, 80);
        else if (k.length >= 4) {
          const d = editDistance(k, t, 2);
          if (d === 1) best = Math.max(best, 60);
          else if (d === 2 && k.length >= 7) best = Math.max(best, 40);
        }
      }
    }
    if (best < 30 && w.phonetic && w.phonetic.length > 2 && tokens.includes(w.phonetic)) best = 30;
    total += best;
  }
  return total;
}
