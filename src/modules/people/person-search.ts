import { editDistance, foldForLookup, hasArabicLetters, isLatinArticle, letterDeletions, nameKeys, normalizeArabic, phoneticKey, spellingDistance, transliterateArabic } from '../../lib/names';
import type { Scope } from '../access/scope';
import type { CandidateFetch, PeopleFilter, PeopleRepository, SearchCandidate, TokenCondition } from './people.repository';

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

// ---------------------------------------------------------------------------------------------
// The query

/** A normalized form of a query word and the score of a token equal to it. */
interface QueryKey {
  key: string;
  exact: number;
}

/** A word of a search query with the keys it is looked up by. */
export interface QueryWord {
  text: string;
  isArabic: boolean;
  /** The word as typed first, then the same without its article or a leading alef (اعميمي = عميمي). */
  keys: QueryKey[];
  /** The cross-script phonetic key, marked with "~". */
  phonetic: string | null;
  /** An Arabic word in Latin letters, compared with the names of people written in Latin script only. */
  latin: string | null;
}

/** The words of a search query, each with the keys it is looked up by; lone articles are left out. */
export function searchQueryWords(q: string): QueryWord[] {
  return wordsOf(q)
    .map((text): QueryWord | null => {
      const { key } = nameKeys(text);
      if (!key || key === 'ال' || ['el', 'al'].includes(key)) return null;
      const isArabic = hasArabicLetters(text);
      const keys: QueryKey[] = [{ key, exact: 100 }];
      if (isArabic && key.startsWith('ال') && key.length > 4) keys.push({ key: key.slice(2), exact: 100 });
      // A written prothetic alef (اعميمي for عميمي) is a common way of spelling a name.
      else if (isArabic && key.startsWith('ا') && key.length >= 4) keys.push({ key: key.slice(1), exact: 95 });
      const phonetic = phoneticKey(text);
      return { text, isArabic, keys, phonetic: phonetic ? PHONETIC + phonetic : null, latin: isArabic ? transliterateArabic(keys[keys.length - 1]!.key) : null };
    })
    .filter((w): w is QueryWord => w !== null);
}

/** Two adjacent query words written as one (Ben Madeh = Benmadeh, عبد الله = عبدالله). */
interface QueryJoin {
  keys: QueryKey[];
  phonetic: string | null;
}

function joinOf(a: QueryWord, b: QueryWord): QueryJoin | null {
  if (a.isArabic !== b.isArabic) return null;
  const text = a.text + b.text;
  const { key } = nameKeys(text);
  if (!key) return null;
  const phonetic = phoneticKey(text);
  return { keys: (a.isArabic ? arabicVariants(key) : [key]).map((k) => ({ key: k, exact: 100 })), phonetic: phonetic ? PHONETIC + phonetic : null };
}

/** One query word read as two stored tokens: عبدالرحيم as عبد + الرحيم, or Abdelkader as ~bd + ~kdr. */
interface Split {
  tokens: [string, string];
  phonetic: boolean;
}

const MIN_SPLIT_KEY = 5;
const MIN_SPLIT_PHONETIC = 3;

function splitsOf(word: QueryWord): Split[] {
  const out: Split[] = [];
  const letters = [...word.keys[0]!.key];
  if (letters.length >= MIN_SPLIT_KEY) {
    for (let i = 2; i <= letters.length - 2; i++) out.push({ tokens: [letters.slice(0, i).join(''), letters.slice(i).join('')], phonetic: false });
  }
  const p = word.phonetic ? [...word.phonetic.slice(PHONETIC.length)] : [];
  if (p.length >= MIN_SPLIT_PHONETIC) {
    for (let i = 1; i < p.length; i++) {
      out.push({ tokens: [PHONETIC + p.slice(0, i).join(''), PHONETIC + p.slice(i).join('')], phonetic: true });
      // Abdelkader, Abdellatif: Latin compounds keep the l of the article that the Arabic key leaves out.
      if (p[i] === 'l' && i < p.length - 1) out.push({ tokens: [PHONETIC + p.slice(0, i).join(''), PHONETIC + p.slice(i + 1).join('')], phonetic: true });
    }
  }
  return out;
}

/** The name_tokens lookups of a query: exact tokens, deletion variants (folded), and prefixes. */
export interface DictionaryProbe {
  exact: string[];
  variants: string[];
  prefixes: string[];
}

const MIN_FUZZY_KEY = 3;
const MIN_TWO_EDITS_KEY = 6;
/** The longest token whose deletions name_token_variants indexes (migration 0007): longer ones are whole double names. */
export const MAX_FUZZY_TOKEN = 12;
const MIN_PREFIX = 3;

/** A query read for the search: its words, the joins of adjacent words, and what to look up. */
export interface SearchPlan {
  words: QueryWord[];
  joins: Array<QueryJoin | null>;
  splits: Split[][];
  probe: DictionaryProbe;
}

export function planSearch(q: string): SearchPlan | null {
  const words = searchQueryWords(q);
  if (words.length === 0) return null;
  const joins = words.slice(1).map((w, i) => joinOf(words[i]!, w));
  const splits = words.map(splitsOf);
  const exact = new Set<string>();
  const variants = new Set<string>();
  const prefixes = new Set<string>();
  // The same deletions as name_token_variants, of the folded key: close letters are then no edit at all.
  const fuzzy = (key: string, twoEdits: boolean) => {
    const folded = foldForLookup(key);
    const n = [...folded].length;
    if (n < MIN_FUZZY_KEY || n > MAX_FUZZY_TOKEN + 1) return;
    variants.add(folded);
    for (const v of letterDeletions(folded, twoEdits && n >= MIN_TWO_EDITS_KEY && n <= MAX_FUZZY_TOKEN ? 2 : 1)) variants.add(v);
  };
  const phoneticFuzzy = (phonetic: string) => {
    const base = phonetic.slice(PHONETIC.length);
    if (base.length < 2) return;
    variants.add(phonetic);
    if (base.length >= 3) for (const v of letterDeletions(base)) variants.add(PHONETIC + v);
  };
  for (const w of words) {
    for (const { key } of w.keys) {
      exact.add(key);
      fuzzy(key, true);
    }
    if ([...w.keys[0]!.key].length >= MIN_PREFIX) prefixes.add(w.keys[0]!.key);
    if (w.phonetic) {
      exact.add(w.phonetic);
      phoneticFuzzy(w.phonetic);
    }
  }
  for (const j of joins) {
    if (!j) continue;
    for (const { key } of j.keys) {
      exact.add(key);
      fuzzy(key, false);
    }
    if (j.phonetic) exact.add(j.phonetic);
  }
  for (const s of splits.flat()) for (const t of s.tokens) exact.add(t);
  return { words, joins, splits, probe: { exact: [...exact], variants: [...variants], prefixes: [...prefixes] } };
}

// ---------------------------------------------------------------------------------------------
// Scores

/** 100 for the same spelling, 25 less per edit (spellingDistance), up to two. */
const byDistance = (d: number) => Math.round(100 - 25 * d);

/**
 * The score of a stored token for a query word in the same script: by spelling distance (one edit on
 * words of three letters, one and a half on four, two on six), or 60 for a name typed halfway (prefix).
 * Fuzzy matches of a key other than the word as typed lose what its exact match loses.
 */
function plainScore(keys: readonly QueryKey[], token: string): number {
  let best = 0;
  for (const { key, exact } of keys) {
    if (token === key) return exact;
    const n = Math.min(key.length, token.length);
    let s = 0;
    if (n >= MIN_FUZZY_KEY) {
      const d = spellingDistance(key, token, 2);
      if (d <= 1 || (d <= 1.5 && n >= 4) || (d <= 2 && n >= MIN_TWO_EDITS_KEY)) s = byDistance(d);
    }
    if (s < 60 && key.length >= MIN_PREFIX && token.startsWith(key)) s = 60;
    best = Math.max(best, s > 0 ? s - (100 - exact) : 0);
  }
  return best;
}

/**
 * The score of a phonetic token for a query word: weak evidence for people with names in the word's
 * script (their own spelling says more), worth more when longer, since short keys are shared by many names.
 */
function phoneticScore(phonetic: string | null, token: string): number {
  if (!phonetic) return 0;
  const q = phonetic.slice(PHONETIC.length);
  const t = token.slice(PHONETIC.length);
  if (q === t) return q.length >= 4 ? 50 : q.length === 3 ? 45 : q.length === 2 ? 40 : 25;
  if (q.length >= 2 && Math.abs(q.length - t.length) <= 1 && editDistance(q, t, 1) <= 1) return q.length >= 3 ? 35 : 25;
  return 0;
}

/**
 * The score of a name in the other script, compared in Latin letters: a vowel of the Latin spelling
 * missing from the Arabic one costs a quarter of an edit, since Arabic script does not write short
 * vowels (Hamil and حميل, "hmil", are 0.25 apart); a written long vowel missing from the Latin costs half.
 */
function crossScore(latinKey: string, latinOfArabic: string): number {
  const d = spellingDistance(asPronounced(latinKey), latinOfArabic, 2, { aVowelCost: 0.25, bVowelCost: 0.5 });
  return d <= 2 ? byDistance(d) : 0;
}

/** A Latin key as French spelling sounds it, to meet an Arabic name: Mohcine is "mohsin", Redouane "reduan". */
const asPronounced = (key: string) => key.replace(/c(?=[eiy])/g, 's').replace(/(?<=[^aeiouy])e$/, '');

const NEAR_JOIN = 88;

/** How the tokens of the dictionary answer one query word, or one join of two. */
export interface WordMatches {
  scores: Map<string, number>;
  /** Tokens of the other script compared so far (crossBest), kept for the other candidates. */
  crossScores: Map<string, number>;
  /** Two tokens a person must hold both of. */
  pairs: Array<{ tokens: [string, string]; score: number }>;
}

const emptyMatches = (): WordMatches => ({ scores: new Map(), crossScores: new Map(), pairs: [] });

export interface Matches {
  words: WordMatches[];
  /** For each pair of adjacent words, the tokens that hold both at once. */
  joins: WordMatches[];
  /** People per token, from the dictionary. */
  people: Map<string, number>;
}

/** Scores every dictionary token found for the query against each of its words and joins. */
export function matchTokens(plan: SearchPlan, found: ReadonlyArray<{ token: string; people: number }>): Matches {
  const people = new Map(found.map((f) => [f.token, f.people]));
  const words = plan.words.map((w, i) => {
    const m = emptyMatches();
    for (const { token } of found) {
      const s = token.startsWith(PHONETIC) ? phoneticScore(w.phonetic, token) : isArabicToken(token) === w.isArabic ? plainScore(w.keys, token) : 0;
      if (s > 0) m.scores.set(token, s);
    }
    for (const split of plan.splits[i] ?? []) {
      if (!split.tokens.every((t) => people.has(t))) continue;
      m.pairs.push({ tokens: split.tokens, score: split.phonetic ? phoneticScore(w.phonetic, w.phonetic ?? '') : 95 });
    }
    return m;
  });
  const joins = plan.joins.map((j) => {
    const m = emptyMatches();
    if (!j) return m;
    const isArabic = hasArabicLetters(j.keys[0]?.key ?? '');
    for (const { token } of found) {
      if (token.startsWith(PHONETIC)) {
        if (token === j.phonetic) m.scores.set(token, phoneticScore(j.phonetic, token));
      } else if (isArabicToken(token) === isArabic) {
        // Only the same name or nearly (a close letter): anything further is found word by word.
        const s = plainScore(j.keys, token);
        if (s >= NEAR_JOIN) m.scores.set(token, s);
      }
    }
    return m;
  });
  return { words, joins, people };
}

// ---------------------------------------------------------------------------------------------
// Ranking

const hasLatin = (c: PersonNames) => Boolean(c.givenNameLatin || c.familyNameLatin);
const hasArabic = (c: PersonNames) => Boolean(c.givenNameAr || c.familyNameAr);

/** A word's best score for a person, and the token that gave it. */
interface WordScore {
  score: number;
  token: string | null;
}

const NO_MATCH: WordScore = { score: 0, token: null };

/** A word's best score for a person, and the token that gave it (a pair's second). */
function bestOf(m: WordMatches | undefined, tokens: ReadonlySet<string>, people: ReadonlyMap<string, number>): WordScore {
  if (!m) return NO_MATCH;
  let best = NO_MATCH;
  for (const t of tokens) {
    const s = m.scores.get(t);
    if (s === undefined || s < best.score) continue;
    // Between tokens scoring alike, the one more people carry.
    if (s > best.score || (best.token !== null && (people.get(t) ?? 0) > (people.get(best.token) ?? 0))) best = { score: s, token: t };
  }
  for (const p of m.pairs) {
    if (p.score > best.score && tokens.has(p.tokens[0]) && tokens.has(p.tokens[1])) best = { score: p.score, token: p.tokens[1] };
  }
  return best;
}

/** Whether a token is in Arabic script: tokens are normalized keys, one script each. */
const isArabicToken = (t: string) => {
  const c = t.charCodeAt(0);
  return c >= 0x0600 && c <= 0x06ff;
};

// Computed once per token or field and kept between searches: the same names come back all the time.
const CACHE_SIZE = 100_000;
function remember<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(key, value);
  }
  return value;
}
const latinOfToken = new Map<string, string>();

/**
 * A query word against a person's names in the other script, compared in Latin letters: all a person
 * named in that script only can be compared by, besides phonetic keys, and for anyone else as good a
 * reading as their own spelling (Hemduch is حمدوش as much as it is Hamdouch).
 */
function otherScriptBest(w: QueryWord, m: WordMatches | undefined, tokens: ReadonlySet<string>): WordScore {
  const key = w.isArabic ? w.latin : w.keys[0]!.key;
  let best = NO_MATCH;
  if (!key || !m) return best;
  for (const t of tokens) {
    if (t.startsWith(PHONETIC) || isArabicToken(t) === w.isArabic) continue;
    let s = m.crossScores.get(t);
    if (s === undefined) {
      s = w.isArabic ? crossScore(t, key) : crossScore(key, remember(latinOfToken, t, () => transliterateArabic(t)));
      m.crossScores.set(t, s);
    }
    if (s > best.score) best = { score: s, token: t };
  }
  return best;
}

/** Words of a name field, articles aside. */
function wordCount(field: string | null | undefined): number {
  if (!field) return 0;
  return remember(wordsOfField, field, () => wordsOf(field).filter((w) => !isLatinArticle(w) && normalizeArabic(w) !== 'ال').length);
}
const wordsOfField = new Map<string, number>();

/**
 * How many name words of a person (articles aside) the query leaves unmatched, in the script it covers
 * best: each query word matches one word of the script of its token (a phonetic key, of either).
 */
function unmatchedWords(c: PersonNames, matched: readonly WordScore[]): number {
  let arabic = 0;
  let latin = 0;
  for (const w of matched) {
    if (w.token === null) continue;
    if (w.token.startsWith(PHONETIC)) {
      arabic++;
      latin++;
    } else if (isArabicToken(w.token)) arabic++;
    else latin++;
  }
  const left = (words: number, found: number) => Math.max(0, words - found);
  return Math.min(
    hasArabic(c) ? left(wordCount(c.givenNameAr) + wordCount(c.familyNameAr), arabic) : Number.POSITIVE_INFINITY,
    hasLatin(c) ? left(wordCount(c.givenNameLatin) + wordCount(c.familyNameLatin), latin) : Number.POSITIVE_INFINITY,
  );
}

export interface RankedCandidate {
  candidate: SearchCandidate;
  score: number;
  /** Name words of the person the query does not mention: fewer is a closer match. */
  unmatched: number;
  /**
   * How common the person's matched names are (log of the people carrying each word's best token,
   * summed): between equally close spellings, the commoner name is the likelier one meant.
   */
  commonness: number;
  /** The tokens that answered the query's words: people alike in these are alike to the query. */
  spelling: string;
}

/**
 * How well a person answers a query: per word the best of its tokens' scores (or of a join of two
 * words, counted for both), summed; one word of several may match nothing, none else. Names in the
 * other script are compared in Latin letters too (otherScriptBest).
 */
export function rankCandidate(plan: SearchPlan, matches: Matches, c: SearchCandidate): RankedCandidate {
  const tokens = new Set(c.searchTokens);
  const people = matches.people;
  const n = plan.words.length;
  const own: WordScore[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const w = plan.words[i]!;
    const same = bestOf(matches.words[i], tokens, people);
    const other = (w.isArabic ? hasLatin(c) : hasArabic(c)) ? otherScriptBest(w, matches.words[i], tokens) : NO_MATCH;
    own[i] = other.score > same.score ? other : same;
  }
  const joined: WordScore[] = new Array(n - 1);
  for (let i = 0; i < n - 1; i++) joined[i] = bestOf(matches.joins[i], tokens, people);
  const common = (s: WordScore) => (s.token === null ? 0 : Math.log(Math.max(1, people.get(s.token) ?? 1)));
  // Best cover of the words from word i on, each alone or joined with the next: with every word matched
  // (full), or with one left out (part), which a query of two words or more may have: a word that matches
  // nothing should not empty the list. Score and commonness, -Infinity where there is no such cover.
  type Cover = [number, number];
  const none: Cover = [Number.NEGATIVE_INFINITY, 0];
  const full: Cover[] = new Array(n + 2).fill([0, 0]);
  const part: Cover[] = new Array(n + 2).fill(none);
  const better = (a: Cover, b: Cover) => (b[0] > a[0] || (b[0] === a[0] && b[1] > a[1]) ? b : a);
  const add = (w: WordScore, times: number, rest: Cover): Cover => (w.score > 0 && rest[0] > Number.NEGATIVE_INFINITY ? [times * w.score + rest[0], common(w) + rest[1]] : none);
  for (let i = n - 1; i >= 0; i--) {
    const o = own[i]!;
    const j = i < n - 1 ? joined[i]! : NO_MATCH;
    full[i] = better(add(o, 1, full[i + 1]!), add(j, 2, full[i + 2]!));
    part[i] = better(better(add(o, 1, part[i + 1]!), add(j, 2, part[i + 2]!)), full[i + 1]!);
  }
  const cover = n >= 2 ? better(full[0]!, part[0]!) : full[0]!;
  const total = Math.max(0, cover[0]);
  let spelling = '';
  for (const w of [...own, ...joined]) {
    // حسن and الحسن are two names, though both answer حسن.
    const written = w.token !== null && isArabicToken(w.token) && tokens.has(`ال${w.token}`) ? `ال${w.token}` : w.token;
    spelling += `${written ?? ''}\u0000`;
  }
  const matched = own.map((w, i) => (w.score > 0 ? w : (joined[i - 1]?.score ?? 0) > 0 ? joined[i - 1]! : (joined[i] ?? NO_MATCH)));
  return { candidate: c, score: total, unmatched: total > 0 ? unmatchedWords(c, matched) : 0, commonness: total > 0 ? cover[1] : 0, spelling };
}

/**
 * Candidates best first. Among people who answer the query equally well, one of each spelling of what
 * was typed comes before a second of any, commoner spellings first; and no spelling takes more than
 * SPELLING_CROWD places (EXACT_CROWD for the query's own) ahead of the others: ten people of one family
 * name would hide every other spelling of a misspelled name, and a misspelling can be another name.
 */
export function rankAll(candidates: Iterable<RankedCandidate>, perfect: number): RankedCandidate[] {
  const byScore = [...candidates];
  const sorted = byScore.sort(compareRanked);
  const spread: RankedCandidate[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]!.score === sorted[i]!.score && sorted[j]!.unmatched === sorted[i]!.unmatched) j++;
    const bySpelling = new Map<string, RankedCandidate[]>();
    for (let k = i; k < j; k++) {
      const r = sorted[k]!;
      const group = bySpelling.get(r.spelling);
      if (group) group.push(r);
      else bySpelling.set(r.spelling, [r]);
    }
    const groups = [...bySpelling.values()];
    for (let k = 0; spread.length < j; k++) for (const g of groups) if (g[k]) spread.push(g[k]!);
    i = j;
  }
  const shown = new Map<string, number>();
  const first: RankedCandidate[] = [];
  const later: RankedCandidate[] = [];
  for (const r of spread) {
    const n = shown.get(r.spelling) ?? 0;
    if (n < (r.score >= perfect ? EXACT_CROWD : SPELLING_CROWD)) {
      first.push(r);
      shown.set(r.spelling, n + 1);
    } else later.push(r);
  }
  return [...first, ...later];
}

export function compareRanked(a: RankedCandidate, b: RankedCandidate): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.unmatched !== b.unmatched) return a.unmatched - b.unmatched;
  if (a.commonness !== b.commonness) return b.commonness - a.commonness;
  const x = a.candidate;
  const y = b.candidate;
  return compareText(x.familyNameLatin ?? x.familyNameAr, y.familyNameLatin ?? y.familyNameAr) || compareText(x.givenNameLatin ?? x.givenNameAr, y.givenNameLatin ?? y.givenNameAr) || compareText(x.id, y.id);
}

const compareText = (a: string | null, b: string | null) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// Fetching, best first

/** People fetched at most for one query, by one fetch, and among people named in the other script only. */
export const MAX_CANDIDATES = 400;
const MAX_FETCH = 200;
const MAX_CROSS = 60;
const MAX_ROUNDS = 4;
/** People a fetch may sort, as the counts tell. */
const MAX_SORTED = 1000;
/** A word is left out of a fetch's lookup when this many times more people carry its tokens than the driver's. */
const COMMON_RATIO = 20;
/** People fetched per spelling when a band of scores is sampled, and spellings sampled at most. */
const PER_SPELLING = 3;
const MAX_SAMPLED = 50;
/** A spelling carried by this many times more people than the page shows is spread, in a sorted fetch. */
const SPREAD_ABOVE = 4;
/** Query words a fetch of people named in the other script needs: more add lookups, not precision. */
const MAX_CROSS_WORDS = 4;
/** Bands of each other word that the order of a fetch tells apart. */
const ORDER_BANDS = 2;
/** Places one spelling may take ahead of the others, past the exact matches. */
const SPELLING_CROWD = 2;
/** The same for the query's exact spelling, which a misspelling can also be: another person's name. */
const EXACT_CROWD = 5;
/** How much likelier than chance two name words go together, for the estimates. */
const CORRELATION = 3;

/** A query word's tokens by score: each score with the tokens scoring at least that much. */
interface WordLevels {
  levels: number[];
  at: Map<number, TokenCondition>;
  count: Map<number, number>;
  /** The tokens scoring exactly each level. */
  band: Map<number, string[]>;
}

function levelsOf(matches: Matches): WordLevels[] {
  return matches.words.map((m, i) => {
    const entries: Array<{ score: number; token?: string; pair?: [string, string] }> = [];
    for (const wm of [m, matches.joins[i - 1], matches.joins[i]]) {
      if (!wm) continue;
      for (const [token, score] of wm.scores) entries.push({ score, token });
      for (const p of wm.pairs) entries.push({ score: p.score, pair: p.tokens });
    }
    const levels = [...new Set(entries.map((e) => e.score))].sort((a, b) => b - a);
    const at = new Map<number, TokenCondition>();
    const count = new Map<number, number>();
    const band = new Map<number, string[]>();
    for (const level of levels) {
      band.set(level, [...new Set(entries.flatMap((e) => (e.score === level && e.token !== undefined ? [e.token] : [])))]);
      const any = new Set<string>();
      const all: string[][] = [];
      let n = 0;
      for (const e of entries) {
        if (e.score < level) continue;
        if (e.token !== undefined && !any.has(e.token)) {
          any.add(e.token);
          n += matches.people.get(e.token) ?? 0;
        }
        if (e.pair) {
          all.push(e.pair);
          n += Math.min(...e.pair.map((t) => matches.people.get(t) ?? 0));
        }
      }
      // Pairs, each a fetch of its own, only for a word that nothing else matches: people named in both
      // scripts hold the whole of a compound name as one token too.
      at.set(level, { any: [...any].sort(), all: any.size > 0 ? [] : all });
      count.set(level, n);
    }
    return { levels, at, count, band };
  });
}

/**
 * The phonetic keys a person named in the other script must hold, one of each word's: its own key or the
 * rarer half of a compound's (the ranking checks the other); then, as a second fetch, also the keys one
 * letter away, for keys of two letters or more. Unordered: past the limit, people alike by their keys are
 * as good as each other until compared in Latin letters, but the same keys are never crowded out by near ones.
 */
function crossConditions(plan: SearchPlan, matches: Matches): TokenCondition[][] {
  const same: TokenCondition[] = [];
  const near: TokenCondition[] = [];
  for (const [i, m] of matches.words.entries()) {
    if (i >= MAX_CROSS_WORDS) break;
    const own = plan.words[i]?.phonetic;
    const halves = m.pairs
      .filter((p) => p.tokens[0].startsWith(PHONETIC))
      .map((p) => [...p.tokens].sort((a, b) => (matches.people.get(a) ?? 0) - (matches.people.get(b) ?? 0))[0]!);
    const exact = [...new Set([...(own && m.scores.has(own) ? [own] : []), ...halves])];
    const close = own && own.length - PHONETIC.length >= 2 ? [...m.scores.keys()].filter((t) => t.startsWith(PHONETIC) && t !== own) : [];
    same.push({ any: exact.sort(), all: [] });
    near.push({ any: [...exact, ...close].sort(), all: [] });
  }
  // One word of several may go without a key, as it may match nothing.
  const usable = (c: TokenCondition[]) => {
    const missing = c.filter((w) => w.any.length === 0).length;
    return missing === 0 || (missing === 1 && c.length > 1);
  };
  return [same, near]
    .filter((c, k) => usable(c) && (k === 0 || c.some((w, j) => w.any.length > (same[j]?.any.length ?? 0))))
    .map((c) => c.filter((w) => w.any.length > 0));
}

/** What a search did, for the benchmark's breakdown. */
export interface SearchTrace {
  dictionaryMs: number;
  candidatesMs: number;
  rankingMs: number;
  tokens: number;
  fetches: number;
  plan?: SearchPlan;
  matches?: Matches;
  ranked?: RankedCandidate[];
}

/**
 * A tolerant name search. The query's words are looked up in the dictionary of name tokens in one
 * query: exact keys, phonetic keys, and deletion variants (symmetric-delete spelling correction, on
 * spellings folded so that close letters do not count); each token found is scored against each word.
 * People are then fetched through the GIN index on search_tokens by the word whose best tokens are
 * rarest, its tokens a band of scores at a time, best first, each with every other word matching, until
 * the page holds people nobody left out could outrank. People named only in the other script are
 * fetched once, through their phonetic keys. They are ranked by score, then by how few of their name
 * words the query leaves unmatched, then spread by spelling (rankAll). Returns null when the query has
 * no word to search by.
 */
export async function searchPeople(
  repo: PeopleRepository,
  q: string,
  filter: PeopleFilter,
  scope: Scope,
  page: { offset: number; limit: number },
  trace?: SearchTrace,
): Promise<{ ids: string[]; total: number } | null> {
  const plan = planSearch(q);
  if (!plan) return null;
  return repo.searching((r) => searchWith(r, plan, filter, scope, page, trace));
}

async function searchWith(repo: PeopleRepository, plan: SearchPlan, filter: PeopleFilter, scope: Scope, page: { offset: number; limit: number }, trace?: SearchTrace) {
  let t = performance.now();
  const { tokens: found, population: counted } = await repo.dictionaryTokens(plan.probe);
  const matches = matchTokens(plan, found);
  const population = Math.max(counted, ...found.map((f) => f.people), 1);
  if (trace) Object.assign(trace, { dictionaryMs: performance.now() - t, tokens: found.length, plan, matches, candidatesMs: 0, rankingMs: 0, fetches: 0 });

  const needed = page.offset + page.limit;
  const words = levelsOf(matches);
  const otherScript = plan.words.every((w) => w.isArabic) ? 'latin' : plan.words.every((w) => !w.isArabic) ? 'arabic' : null;
  let cross = otherScript ? crossConditions(plan, matches) : [];
  // The driving word: the one whose best tokens the fewest people carry. People are fetched by its
  // tokens, best first, a band of scores at a time, the other words as conditions or as order.
  // Words the dictionary has nothing for are left out; a query needs all others, or all but one.
  const unmatchable = words.filter((w) => w.levels.length === 0).length;
  const canMatch = unmatchable === 0 || (unmatchable === 1 && words.length > 1);
  const driver = canMatch ? words.reduce((d, w, i) => (w.levels.length > 0 && (words[d]!.levels.length === 0 || (w.count.get(w.levels[0]!) ?? 0) < (words[d]!.count.get(words[d]!.levels[0]!) ?? 0)) ? i : d), 0) : -1;
  const drive = words[driver];
  const rest = words.filter((w) => w !== drive && w.levels.length > 0);
  const bestOthers = rest.reduce((n, w) => n + w.levels[0]!, 0);
  // The share of people the other words let through, names being chosen about independently (thrice,
  // for the names that go together), to tell how many people each of the driver's bands brings.
  const othersShare = rest.reduce((p, w) => p * Math.min(1, (CORRELATION * (w.count.get(w.levels.at(-1)!) ?? 0)) / population), 1);
  const ranked = new Map<string, RankedCandidate>();
  let sorted: RankedCandidate[] = [];
  let next = 0;
  for (let round = 1; round <= MAX_ROUNDS && ((drive && next < drive.levels.length) || cross.length > 0); round++) {
    const fetches: CandidateFetch[] = [];
    const room = Math.min(MAX_FETCH, MAX_CANDIDATES - ranked.size);
    // Down to the lowest band whose people, about, a fetch can sort (it returns the best first); bands
    // beyond are left for another round, if the page still needs them.
    const first = next;
    if (drive && room > 0 && next < drive.levels.length) {
      for (let k = next; k < drive.levels.length; k++) {
        if ((k > first || round > 1) && (drive.count.get(drive.levels[k]!) ?? 0) * othersShare > MAX_SORTED) break;
        next = k + 1;
      }
      if (next === first) next = first + 1;
      const tokens = drive.levels.slice(first, next).flatMap((level) => drive.band.get(level) ?? []);
      const most = Math.max(0, ...tokens.map((t) => matches.people.get(t) ?? 0));
      if ((drive.count.get(drive.levels[next - 1]!) ?? 0) * othersShare > MAX_SORTED) {
        // More people than a fetch can sort: a few people of each spelling, as many as the page may show,
        // with the other words among their best two bands.
        const band = tokens.sort((a, b) => (matches.people.get(b) ?? 0) - (matches.people.get(a) ?? 0)).slice(0, MAX_SAMPLED);
        const narrowed = rest.map((w) => w.at.get(w.levels[Math.min(ORDER_BANDS, w.levels.length) - 1]!)!);
        fetches.push({ arms: [narrowed], order: [], onlyScript: null, limit: room, sample: { tokens: band, perToken: Math.max(PER_SPELLING, needed) } });
      } else {
        // Best first, should more people match than the fetch takes: the driver's bands, and the other
        // words' best tokens, which a common word often lacks. A word whose tokens many more people carry
        // than the driver's is left to the order (and the ranking), as long as the fetch can still sort
        // what it lets through: reading the index for a common name costs more than reading those people.
        const driverCount = drive.count.get(drive.levels[next - 1]!) ?? 0;
        const share = (w: WordLevels) => Math.min(1, (CORRELATION * (w.count.get(w.levels.at(-1)!) ?? 0)) / population);
        const filtering = new Set(rest);
        for (const w of [...rest].sort((a, b) => (b.count.get(b.levels.at(-1)!) ?? 0) - (a.count.get(a.levels.at(-1)!) ?? 0))) {
          const kept = [...filtering].filter((x) => x !== w).reduce((p, x) => p * share(x), 1);
          if ((w.count.get(w.levels.at(-1)!) ?? 0) > COMMON_RATIO * driverCount && driverCount * kept <= MAX_SORTED) filtering.delete(w);
        }
        const order = [drive, ...rest].map((w) => {
          if (w === drive) return { bands: drive.levels.slice(first, next).map((level) => ({ tokens: drive.band.get(level) ?? [], score: level })), otherwise: 0 };
          return { bands: w.levels.slice(0, ORDER_BANDS).map((level) => ({ tokens: w.band.get(level) ?? [], score: level })), otherwise: 0 };
        });
        const isOrdered = next - first > 1 || rest.length > 0;
        const conditions = [drive.at.get(drive.levels[next - 1]!)!, ...[...filtering].map((w) => w.at.get(w.levels.at(-1)!)!)];
        // A spelling that alone would fill the fetch leaves room for the others.
        const spread = most > needed * SPREAD_ABOVE ? { tokens, perSpelling: needed } : undefined;
        fetches.push({ arms: [conditions], order: isOrdered || spread ? order : [], onlyScript: null, limit: room, ...(spread ? { spread } : {}) });
      }
    }
    if (otherScript) for (const conditions of cross) fetches.push({ arms: [conditions], order: [], onlyScript: otherScript, limit: MAX_CROSS });
    cross = [];
    if (fetches.length === 0) break;
    t = performance.now();
    const results = await repo.searchCandidates(fetches, filter, scope, [...ranked.keys()]);
    const t2 = performance.now();
    for (const c of results.flat()) {
      if (ranked.has(c.id)) continue;
      const r = rankCandidate(plan, matches, c);
      if (r.score > 0) ranked.set(c.id, r);
    }
    sorted = rankAll(ranked.values(), 100 * plan.words.length);
    if (trace) {
      trace.candidatesMs += t2 - t;
      trace.rankingMs += performance.now() - t2;
      trace.fetches++;
    }
    if (!drive || next === first || ranked.size >= MAX_CANDIDATES) break;
    // A sorted fetch that filled up had more people at its scores than are worth ranking.
    if (!fetches[0]?.sample && !fetches[0]?.spread && (results[0]?.length ?? 0) >= room) break;
    // Nobody left out could outrank the page: their driving word scores below the bands fetched.
    const below = drive.levels[next];
    if (below === undefined || (sorted.length >= needed && sorted[needed - 1]!.score >= bestOthers + below)) break;
  }
  if (trace) trace.ranked = sorted;
  return { ids: sorted.slice(page.offset, needed).map((r) => r.candidate.id), total: sorted.length };
}
