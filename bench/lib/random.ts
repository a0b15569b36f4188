// Seeded randomness for the benchmarks, so that two runs with the same seed measure the same data.

export interface Random {
  /** A float in [0, 1). */
  (): number;
  /** An unsigned 32-bit integer. */
  u32(): number;
}

/** mulberry32: small, fast and good enough for generating test data. */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  const u32 = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const rand = (() => u32() / 4294967296) as Random;
  rand.u32 = u32;
  return rand;
}

export function pick<T>(rand: Random, list: readonly T[]): T {
  const item = list[Math.floor(rand() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

const hex8 = (x: number) => (x >>> 0).toString(16).padStart(8, '0');

/** A version-4 UUID made from the seeded generator. */
export function uuid(rand: Random): string {
  const a = hex8(rand.u32());
  const b = hex8((rand.u32() & 0xffff0fff) | 0x4000);
  const c = hex8((rand.u32() & 0x3fffffff) | 0x80000000);
  const d = hex8(rand.u32());
  return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
}

/**
 * Draws indexes 0..n-1 with a Zipf-like weight 1/(i+1)^s: a few common values and a long tail, as
 * names are distributed (s = 0 is uniform).
 */
export function zipf(n: number, s: number): (rand: Random) => number {
  return weighted(Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s));
}

/** Shuffles a copy of a list (Fisher-Yates). */
export function shuffled<T>(rand: Random, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Draws indexes with the given relative weights. */
export function weighted(weights: readonly number[]): (rand: Random) => number {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => {
    total += w;
    cumulative[i] = total;
  });
  return (rand) => {
    const r = rand() * total;
    let lo = 0;
    let hi = weights.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] ?? 0) <= r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
