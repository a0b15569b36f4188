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

/**
 * The strings left after deleting one letter of `s`, or with `max` 2 also two letters: its deletion
 * neighbourhood, as in symmetric-delete spelling correction. Two words one edit apart (a letter
 * missing, added, replaced, or two swapped) always share a member of their one-letter neighbourhoods or
 * one of them is in the other's, so a dictionary indexed by its words' deletions answers a fuzzy lookup
 * with exact index lookups. `s` itself is not included.
 */
export function letterDeletions(s: string, max: 1 | 2 = 1): string[] {
  const letters = [...s];
  const out = new Set<string>();
  for (let i = 0; i < letters.length; i++) {
    const one = [...letters.slice(0, i), ...letters.slice(i + 1)];
    out.add(one.join(''));
    if (max === 2) for (let j = i; j < one.length; j++) out.add([...one.slice(0, j), ...one.slice(j + 1)].join(''));
  }
  out.delete(s);
  return [...out];
}

// Letters that name spellings confuse most, keys as normalizeLatin and normalizeArabic leave them:
// vowels among themselves and c/k/q in Latin script; emphatic and plain consonants (ص/س, ط/ت, ض/د),
// ذ/ز/د, ق/ك, ه/ح and the long vowels in Arabic script. i/y and o/u are nearly the same letter.
const CLOSE_LETTER_GROUPS = ['aeiouy', 'ckq', 'صس', 'طتث', 'ضدظذ', 'ذزظ', 'قك', 'هح', 'اوي'];
const NEARLY_SAME_LETTERS = ['iy', 'ou'];
const SUBSTITUTION_COST = new Map<string, number>([
  ...CLOSE_LETTER_GROUPS.flatMap((group) => [...group].flatMap((a) => [...group].filter((b) => b !== a).map((b): [string, number] => [a + b, 0.5]))),
  ...NEARLY_SAME_LETTERS.flatMap(([a, b]): Array<[string, number]> => [[`${a}${b}`, 0.25], [`${b}${a}`, 0.25]]),
]);
// Vowels, written or left out at will inside a name: Hamil and حميل (hmil), أوحمال and أوحمل. At the end
// of a name they are part of it (Kamal, Kamali).
const VOWELS = new Set([...'aeiouyاوي']);

/** Whether two letters are commonly written for one another (e and a, ص and س): see spellingDistance. */
export function areCloseLetters(a: string, b: string): boolean {
  return SUBSTITUTION_COST.has(a + b);
}

/**
 * editDistance where replacing a letter by a close one (areCloseLetters) costs half an edit (a quarter
 * for i/y and o/u), and so does a vowel added or left out inside the name: "kamaly" is nearer to
 * "kamali" (0.25) than to "kamal" (1), as spellings of one name differ by vowels more often than by
 * consonants. `aVowelCost` and `bVowelCost` replace that half for vowels found in only one of the two
 * (for a name compared with its Arabic spelling, whose short vowels are not written). Gives up early
 * beyond `max`, returning more than `max`.
 */
export function spellingDistance(a: string, b: string, max = Number.POSITIVE_INFINITY, costs: { aVowelCost?: number; bVowelCost?: number } = {}): number {
  // By UTF-16 unit: the letters of names, in both scripts, are each one.
  const xCost = costs.aVowelCost ?? 0.5;
  const yCost = costs.bVowelCost ?? 0.5;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) * Math.min(xCost, yCost) > max) return max + 1;
  const cols = m + 1;
  if (distanceRows[0]!.length < cols) distanceRows.forEach((_, k) => (distanceRows[k] = new Float64Array(cols * 2)));
  let [prevPrev, prev, row] = distanceRows as [Float64Array, Float64Array, Float64Array];
  const addY = distanceAdd.length < cols ? (distanceAdd = new Float64Array(cols * 2)) : distanceAdd;
  for (let j = 0; j < m; j++) addY[j] = j < m - 1 && VOWEL_CODES.has(b.charCodeAt(j)) ? yCost : 1;
  prev[0] = 0;
  for (let j = 1; j < cols; j++) prev[j] = prev[j - 1]! + addY[j - 1]!;
  for (let i = 1; i <= n; i++) {
    const xi = a.charCodeAt(i - 1);
    const dropX = i < n && VOWEL_CODES.has(xi) ? xCost : 1;
    row[0] = prev[0]! + dropX;
    let rowMin = row[0];
    for (let j = 1; j <= m; j++) {
      const yj = b.charCodeAt(j - 1);
      const cost = xi === yj ? 0 : (SUBSTITUTION_CODES.get(xi * 0x10000 + yj) ?? 1);
      let d = Math.min(prev[j]! + dropX, row[j - 1]! + addY[j - 1]!, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && xi === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === yj) d = Math.min(d, prevPrev[j - 2]! + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const spare = prevPrev;
    prevPrev = prev;
    prev = row;
    row = spare;
  }
  return prev[m]!;
}
const SUBSTITUTION_CODES = new Map([...SUBSTITUTION_COST].map(([pair, cost]) => [pair.charCodeAt(0) * 0x10000 + pair.charCodeAt(1), cost]));
const VOWEL_CODES = new Set([...VOWELS].map((c) => c.charCodeAt(0)));
let distanceAdd = new Float64Array(32);
// Rows reused from one call to the next: the search compares hundreds of names per query.
const distanceRows = [new Float64Array(32), new Float64Array(32), new Float64Array(32)];

// One letter for each group of close letters, so that a spelling that differs only by them is the same
// string: the form whose deletions name_token_variants indexes (migration 0007 has the same two lists).
const LOOKUP_FOLD_FROM = 'eiouycqصثطظذزضقحوي';
const LOOKUP_FOLD_TO = 'aaaaakkستتددددكهاا';
const LOOKUP_FOLD = new Map([...LOOKUP_FOLD_FROM].map((c, i) => [c, [...LOOKUP_FOLD_TO][i]!]));

/** A name token with each close letter replaced by its group's (vowels by a, ط by ت, ق by ك…). */
export function foldForLookup(token: string): string {
  let out = '';
  for (const c of token) out += LOOKUP_FOLD.get(c) ?? c;
  return out;
}

// How Moroccan spellings usually write each Arabic letter in Latin script (ع and hamza left out).
const ARABIC_TO_LATIN: Record<string, string> = {
  ا: 'a', ب: 'b', ت: 't', ث: 't', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'd', ر: 'r', ز: 'z', س: 's', ش: 'ch', ص: 's', ض: 'd', ط: 't',
  ظ: 'd', ع: '', غ: 'gh', ف: 'f', ق: 'k', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h', و: 'ou', ي: 'i',
};

/**
 * An Arabic name in Latin letters, as a normalizeLatin key (حميل → "hmil", يوسف → "iusf"): unwritten
 * short vowels stay missing, which spellingDistance counts as half an edit each.
 */
export function transliterateArabic(name: string): string {
  const key = normalizeArabic(name);
  const letters = [...key];
  // The article, at the start or in a compound after عبد, is written el, its l taking the sound of a
  // sun letter after it (عبد الرحيم, Abderrahim).
  const article = new Set([0, ...(key.startsWith('عبدال') ? [3] : [])].filter((i) => key.startsWith('ال', i) && letters.length > i + 2));
  const latin = letters
    .map((c, i) => {
      if (article.has(i)) return 'e';
      if (article.has(i - 1)) return SUN_LETTERS.has(letters[i + 1] ?? '') ? '' : 'l';
      if (i === letters.length - 1 && c === 'ه') return 'a';
      if (i === 0 && c === 'ي') return 'y';
      return ARABIC_TO_LATIN[c] ?? '';
    })
    .join('');
  return normalizeLatin(latin);
}
const SUN_LETTERS = new Set([...'تثدذرزسشصضطظلن']);
