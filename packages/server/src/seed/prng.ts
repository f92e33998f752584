/** Small seeded pseudo-random helpers for demo data: same seed, same output (never Math.random). */
export type Rng = () => number;

/** mulberry32: a 32-bit seeded generator returning floats in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [min, max], both inclusive. */
export function randInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

/** Builds a sampler over weighted entries (cumulative table + binary search). */
export function weighted<T>(entries: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const values = entries.map(([value]) => value);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, weight] of entries) {
    total += weight;
    cumulative.push(total);
  }
  return (rng) => {
    const x = rng() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return values[lo];
  };
}

/** Fisher–Yates shuffle in place; returns the same array. */
export function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = items[i];
    items[i] = items[j];
    items[j] = tmp;
  }
  return items;
}

/**
 * Splits `total` into integers proportional to `weights`, each kept within its [min, max] bounds.
 * The sum equals `total` whenever the bounds allow it; otherwise it is as close as the bounds permit.
 */
export function distribute(
  rng: Rng,
  weights: readonly number[],
  bounds: readonly (readonly [number, number])[],
  total: number,
): number[] {
  const weightSum = weights.reduce((s, w) => s + w, 0);
  const scale = weightSum > 0 ? total / weightSum : 0;
  const sizes = weights.map((w, i) => Math.min(bounds[i][1], Math.max(bounds[i][0], Math.round(w * scale))));
  let diff = total - sizes.reduce((s, n) => s + n, 0);
  const order = shuffle(
    rng,
    sizes.map((_, i) => i),
  );
  while (diff !== 0) {
    const step = diff > 0 ? 1 : -1;
    let moved = false;
    for (const i of order) {
      if (diff === 0) break;
      const next = sizes[i] + step;
      if (next < bounds[i][0] || next > bounds[i][1]) continue;
      sizes[i] = next;
      diff -= step;
      moved = true;
    }
    if (!moved) break;
  }
  return sizes;
}
