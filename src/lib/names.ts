// Name normalization and fuzzy matching for Arabic and Latin-script names (territories now, people later).
// Pure functions without dependencies, so the same keys can be computed in the browser, on the server and
// in the data converter.

const ARABIC_LETTER = /[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF]/;

/** Whether the text contains at least one Arabic letter. */
export function hasArabicLetters(s: string): boolean {
  return ARABIC_LETTER.test(s);
}

// Letters written differently for the same sound: hamza carriers, Persian/Urdu forms, Moroccan ڭ and ڤ.
const ARABIC_LETTER_MAP: Record<string, string> = {
  'أ': 'ا',
  'إ': 'ا',
  'آ': 'ا',
  'ٱ': 'ا',
  'ؤ': 'و',
  'ئ': 'ي',
  'ء': '',
  'ة': 'ه',
  'ى': 'ي',
  'ی': 'ي',
  'ک': 'ك',
  'گ': 'ك',
  'ڭ': 'ك',
  'ڤ': 'ف',
  'ھ': 'ه',
};
const ARABIC_LETTER_MAP_RE = new RegExp(`[${Object.keys(ARABIC_LETTER_MAP).join('')}]`, 'g');

/**
 * Arabic search key: no tashkeel or tatweel, one form per letter family, and no spaces or punctuation,
 * because HCP and everyday spellings disagree on all of these (بئر طم طم / بئر طمطم, مدرسة / مدرسه).
 */
export function normalizeArabic(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u064B-\u0652\u0670\u0640]/g, '')
    .replace(ARABIC_LETTER_MAP_RE, (c) => ARABIC_LETTER_MAP[c] ?? c)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

// Articles written as separate words: French (de, des, du, d') and transliterated Arabic, including the
// assimilated forms (Es-Semara, Er-Rich, Ech-Chaibia), which everyday spellings often leave out.
const LATIN_ARTICLES = new Set([
  'el', 'al', 'l', 'd', 'de', 'des', 'du',
  'es', 'ed', 'er', 'ez', 'et', 'en', 'ech', 'ej',
]);

// Abbreviations HCP uses in official names ("My Idriss Zerhoun" is Moulay Idriss).
const LATIN_TOKEN_EXPANSIONS: Record<string, string> = { my: 'moulay' };

function latinTokens(s: string): string[] {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/** Whether a single word is an article that normalizeLatin drops (el, al, de, des, es, …). */
export function isLatinArticle(word: string): boolean {
  const tokens = latinTokens(word);
  return tokens.length > 0 && tokens.every((t) => LATIN_ARTICLES.has(t));
}

/**
 * Latin search key: accents, case, separators and articles removed, then the spelling variants of French
 * and English transliteration folded (ou/w → u, sh → ch, q → k, dj → j, doubled letters → one), so that
 * "Immouzzer-Kandar" and "imouzzer du kandar" give the same key.
 */
export function normalizeLatin(s: string): string {
  const tokens = latinTokens(s).map((t) => LATIN_TOKEN_EXPANSIONS[t] ?? t);
  const kept = tokens.filter((t) => !LATIN_ARTICLES.has(t));
  // A name made only of articles keeps them rather than vanishing.
  return (kept.length > 0 ? kept : tokens)
    .join('')
    .replace(/ou/g, 'u')
    .replace(/w/g, 'u')
    .replace(/sh/g, 'ch')
    .replace(/dj/g, 'j')
    .replace(/q/g, 'k')
    .replace(/(.)\1+/gu, '$1');
}

/**
 * Consonant skeleton of a Latin name: normalizeLatin without vowels (a e i o u y) except a leading one,
 * because transliterations of Arabic mostly disagree on vowels (Mohammadia / Mohammedia, Bhalil / Bahlil).
 */
export function latinSkeleton(s: string): string {
  const key = normalizeLatin(s);
  if (key.length === 0) return key;
  return (key[0] + key.slice(1).replace(/[aeiouy]/g, '')).replace(/(.)\1+/gu, '$1');
}

/** The keys a name is compared by: its normalized form and, for Latin script, its consonant skeleton. */
export interface NameKeys {
  readonly key: string;
  /** Null for Arabic script, where vowels are mostly unwritten anyway. */
  readonly skeleton: string | null;
}

export function nameKeys(name: string): NameKeys {
  if (hasArabicLetters(name)) return { key: normalizeArabic(name), skeleton: null };
  return { key: normalizeLatin(name), skeleton: latinSkeleton(name) };
}

/** The distinct non-empty keys of a name, e.g. to store beside it for lookups. */
export function searchKeys(name: string): string[] {
  const { key, skeleton } = nameKeys(name);
  return [...new Set([key, skeleton ?? ''])].filter((k) => k.length > 0);
}

/** The words of a query, each with its keys; articles standing alone are left out. */
export function queryWords(q: string): NameKeys[] {
  return q
    .split(/[\s\-\u2010-\u2015_,;/]+/u)
    .filter((w) => w.length > 0 && !isLatinArticle(w) && normalizeArabic(w) !== 'ال')
    .map(nameKeys)
    .filter((k) => k.key.length > 0);
}

/**
 * Optimal string alignment distance (Damerau-Levenshtein where a transposed pair is not edited again),
 * giving up early once it exceeds `max`, since only small distances are of interest.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const cols = b.length + 1;
  let prevPrev = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, prevPrev[j - 2]! + 1);
      }
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** Scores of nameMatchScore, best first. */
export const MATCH_SCORE = {
  exact: 100,
  prefix: 80,
  substring: 60,
  skeleton: 40,
  oneEdit: 30,
  twoEdits: 20,
} as const;

// Shorter queries would match inside too many names, or be a typo of too many.
const MIN_SUBSTRING_LENGTH = 3;
const MIN_SKELETON_LENGTH = 3;
const MIN_ONE_EDIT_LENGTH = 5;
const MIN_TWO_EDITS_LENGTH = 9;

/**
 * How well a query matches a name, both given as keys: exact > prefix > substring > same consonant
 * skeleton > one or two typos; 0 when they do not match.
 */
export function nameMatchScore(query: NameKeys, name: NameKeys): number {
  const q = query.key;
  const n = name.key;
  if (q.length === 0 || n.length === 0) return 0;
  if (q === n) return MATCH_SCORE.exact;
  if (n.startsWith(q)) return MATCH_SCORE.prefix;
  if (q.length >= MIN_SUBSTRING_LENGTH && n.includes(q)) return MATCH_SCORE.substring;
  if (
    query.skeleton !== null &&
    name.skeleton !== null &&
    query.skeleton.length >= MIN_SKELETON_LENGTH &&
    query.skeleton === name.skeleton
  ) {
    return MATCH_SCORE.skeleton;
  }
  const shorter = Math.min(q.length, n.length);
  if (shorter < MIN_ONE_EDIT_LENGTH) return 0;
  const allowed = shorter >= MIN_TWO_EDITS_LENGTH ? 2 : 1;
  const distance = editDistance(q, n, allowed);
  if (distance <= 1) return MATCH_SCORE.oneEdit;
  if (distance <= allowed) return MATCH_SCORE.twoEdits;
  return 0;
}

// Consonant classes shared by both scripts, for names written in one script and searched in the other.
// Vowels, weak letters (ا و ي ى), ع, ء and h are dropped: transliterations disagree on them most. The
// digraphs (kh, gh, ch) get a sign of their own first so that the single-letter rules leave them alone.
const ARABIC_PHONETIC: Record<string, string> = {
  ب: 'b', ت: 't', ط: 't', ث: 't', س: 's', ص: 's', ج: 'j', ح: '', خ: 'χ', د: 'd', ذ: 'd', ض: 'd', ر: 'r', ز: 'z', ظ: 'z',
  ش: 'š', غ: 'ɣ', ف: 'f', ق: 'k', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: '', ة: '', ع: '', ء: '', ا: '', و: '', ي: '', ى: '',
  أ: '', إ: '', آ: '', ؤ: '', ئ: '', ڭ: 'g', ڤ: 'f', پ: 'b', گ: 'g', ک: 'k', ی: '',
};
const LATIN_PHONETIC: Array<[RegExp, string]> = [
  [/kh/g, 'χ'], [/gh/g, 'ɣ'], [/ch|sh/g, 'š'], [/dj/g, 'j'], [/th/g, 't'], [/ph/g, 'f'],
  [/c(?=[eiy])/g, 's'], [/c/g, 'k'], [/q/g, 'k'], [/g(?=[ei])/g, 'j'], [/p/g, 'b'], [/v/g, 'f'], [/x/g, 'ks'],
  [/[aeiouyhw']/g, ''],
];

/**
 * A key that an Arabic spelling and a Latin transliteration of the same name share: its consonants by
 * class, without the article (عميمي, اعميمي and Amimi all give "mm"; الحجيرة and El Hajira give "jr").
 */
export function phoneticKey(word: string): string {
  if (hasArabicLetters(word)) {
    const letters = normalizeArabic(word).replace(/^ال(?=..)/u, '');
    return [...letters].map((c) => ARABIC_PHONETIC[c] ?? '').join('').replace(/(.)\1+/gu, '$1');
  }
  let s = latinTokens(word)
    .filter((t) => !LATIN_ARTICLES.has(t))
    .join('');
  for (const [re, to] of LATIN_PHONETIC) s = s.replace(re, to);
  return s.replace(/(.)\1+/gu, '$1');
}
