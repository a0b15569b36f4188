// Realistic misspellings of names, as people type them into a search box: transliteration variants and
// typos in Latin script, letter-form, article and spacing variants and typos in Arabic script.
import { pick, shuffled, type Random } from './random';

export type Script = 'ar' | 'latin';

/** Which name a part of a query is: some misspellings only apply to one of them. */
export type Role = 'given' | 'family';

/** One misspelling of a name part, or null when it does not apply to that part. */
interface Edit {
  name: string;
  apply(part: string, role: Role, rand: Random): string | null;
}

/** Replaces one randomly chosen match of a pattern (global) by what `to` returns; null when none matches. */
function replaceOne(s: string, re: RegExp, to: (match: string) => string, rand: Random): string | null {
  const matches = [...s.matchAll(re)];
  if (matches.length === 0) return null;
  const m = pick(rand, matches);
  const at = m.index ?? 0;
  return s.slice(0, at) + to(m[0]) + s.slice(at + m[0].length);
}

const sameCase = (from: string, to: string) => (from === from.toUpperCase() ? to.toUpperCase() : to);
const swapper = (pairs: Record<string, string>) => (c: string) => sameCase(c, pairs[c.toLowerCase()] ?? c);

const LATIN_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A letter substituted, deleted, or swapped with the next one, inside a word of 3 letters or more. */
function typo(part: string, rand: Random, letters: string): string | null {
  const words = [...part.matchAll(/\S{3,}/gu)];
  if (words.length === 0) return null;
  const w = pick(rand, words);
  const word = [...w[0]];
  const i = Math.floor(rand() * word.length);
  const kind = Math.floor(rand() * 3);
  if (kind === 0) word[i] = pick(rand, [...letters].filter((c) => c !== word[i]?.toLowerCase()));
  else if (kind === 1) word.splice(i, 1);
  else {
    const j = i < word.length - 1 ? i : i - 1;
    if (word[j] === word[j + 1]) return null;
    [word[j], word[j + 1]] = [word[j + 1] as string, word[j] as string];
  }
  // A capital stays on the first letter, wherever the typo moved it.
  const first = w[0].charAt(0);
  const typed = first !== first.toLowerCase() ? capitalized(word.join('').toLowerCase()) : word.join('');
  const at = w.index ?? 0;
  return part.slice(0, at) + typed + part.slice(at + w[0].length);
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const LATIN_EDITS: readonly Edit[] = [
  { name: 'double a letter', apply: (p, _r, rand) => replaceOne(p, /(?<=[aeiouy])[bcdfghjklmnpqrstvz](?=[aeiouy])/gi, (c) => c + c.toLowerCase(), rand) },
  { name: 'undouble a letter', apply: (p, _r, rand) => replaceOne(p, /([a-z])\1/gi, (m) => m.slice(1), rand) },
  {
    name: 'ou/u/w',
    apply: (p, _r, rand) =>
      replaceOne(p, /ou/gi, (m) => sameCase(m[0] ?? 'o', rand() < 0.5 ? 'u' : 'w'), rand) ?? replaceOne(p, /(?<!o)u|w/gi, (m) => sameCase(m, 'ou'), rand),
  },
  { name: 'e/a', apply: (p, _r, rand) => replaceOne(p, /[ea]/gi, swapper({ e: 'a', a: 'e' }), rand) },
  { name: 'i/y', apply: (p, _r, rand) => replaceOne(p, /[iy]/gi, swapper({ i: 'y', y: 'i' }), rand) },
  { name: 'drop/add El', apply: (p, role) => (role !== 'family' ? null : /^el\s/i.test(p) ? p.replace(/^el\s+/i, '') : /^(el|al|ben|bou|ait|ou)/i.test(p) ? null : `El ${p}`) },
  { name: 'ch/sh', apply: (p, _r, rand) => replaceOne(p, /ch|sh/gi, (m) => sameCase(m[0] ?? 'c', m.toLowerCase() === 'ch' ? 's' : 'c') + m.slice(1), rand) },
  { name: 'k/q', apply: (p, _r, rand) => replaceOne(p, /k(?!h)|q/gi, swapper({ k: 'q', q: 'k' }), rand) },
  { name: 'Latin typo', apply: (p, _r, rand) => typo(p, rand, LATIN_LETTERS) },
];

// Letters people confuse when typing Arabic names (emphatic and plain, ق and the Moroccan ك).
const CLOSE_AR: Record<string, string> = { ص: 'س', س: 'ص', ط: 'ت', ت: 'ط', ض: 'د', د: 'ض', ذ: 'ز', ز: 'ذ', ق: 'ك', ك: 'ق' };
// Words after which a space is often left out: عبد الله → عبدالله, بن موسى → بنموسى.
const JOINING_PREFIXES = /(?<=(?:^|\s)(?:عبد|بن|آيت|أيت|ايت|أبو|أولاد))\s/gu;

const ARABIC_EDITS: readonly Edit[] = [
  { name: 'hamza → ا', apply: (p, _r, rand) => replaceOne(p, /[أإآ]/gu, () => 'ا', rand) },
  { name: 'ة/ه', apply: (p, _r, rand) => replaceOne(p, /[ةه](?=\s|$)/gu, (c) => (c === 'ة' ? 'ه' : 'ة'), rand) },
  { name: 'ى/ي', apply: (p, _r, rand) => replaceOne(p, /[ىي](?=\s|$)/gu, (c) => (c === 'ى' ? 'ي' : 'ى'), rand) },
  {
    name: 'add/remove ال',
    apply: (p, role) => {
      if (role !== 'family') return null;
      if (/^ال/u.test(p)) return p.slice(2);
      return /^(بن|بو|أو|آيت|أيت|ايت|أولاد)/u.test(p) ? null : `ال${p}`;
    },
  },
  {
    name: 'compound without space',
    apply: (p, role, rand) => replaceOne(p, role === 'given' ? new RegExp(`${JOINING_PREFIXES.source}|\\s(?=الدين)`, 'gu') : JOINING_PREFIXES, () => '', rand),
  },
  { name: 'close letter', apply: (p, _r, rand) => replaceOne(p, /[صسطتضدذزقك]/gu, (c) => CLOSE_AR[c] ?? c, rand) },
  {
    name: 'Arabic letter deleted',
    apply: (p, _r, rand) => {
      const words = [...p.matchAll(/\S{4,}/gu)];
      if (words.length === 0) return null;
      const w = pick(rand, words);
      const i = 1 + Math.floor(rand() * (w[0].length - 1));
      const at = (w.index ?? 0) + i;
      return p.slice(0, at) + p.slice(at + 1);
    },
  },
  { name: 'leading ا', apply: (p, _r, rand) => replaceOne(p, /(?<=^|\s)(?!ال)[بتثجحخدذرزسشصضطظعغفقكلمنهوي]/gu, (c) => `ا${c}`, rand) },
];

export interface Misspelled {
  parts: string[];
  edits: string[];
}

/**
 * Applies `count` different misspellings, each to one part (given name or family name) of a query,
 * chosen at random among those that apply and change the text.
 */
export function misspell(parts: ReadonlyArray<{ text: string; role: Role }>, script: Script, count: number, rand: Random): Misspelled {
  const texts = parts.map((p) => p.text);
  const edits: string[] = [];
  const pool = script === 'ar' ? ARABIC_EDITS : LATIN_EDITS;
  for (let n = 0; n < count; n++) {
    let done = false;
    for (const edit of shuffled(rand, pool.filter((e) => !edits.includes(e.name)))) {
      for (const i of shuffled(rand, texts.map((_, k) => k))) {
        const before = texts[i] ?? '';
        const after = edit.apply(before, parts[i]?.role ?? 'family', rand);
        if (after === null || after === before || !/\p{L}{2}/u.test(after)) continue;
        texts[i] = after.replace(/\s+/gu, ' ').trim();
        edits.push(edit.name);
        done = true;
        break;
      }
      if (done) break;
    }
  }
  return { parts: texts, edits };
}
