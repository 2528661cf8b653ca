/**
 * A small seeded random source (mulberry32), so a failing round or fuzzed call can be run again exactly.
 *
 * @example
 * const random = seeded(42); random(); // 0 <= x < 1, the same sequence every run
 */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** 'full' (npm run test:reliability) or 'short' (npm test). */
    reliabilityForm: 'full' | 'short';
  }
}
