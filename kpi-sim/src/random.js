/**
 * Deterministic randomness: every value is a pure function of (seed, key, integer index), so the live
 * server, the OpenMetrics backfill and the PostgreSQL rows agree at every instant without shared state,
 * and a run with the same --seed and --start reproduces the same quarter.
 *
 * Example: unit(1, 'mrr', 42) is the same number on every machine and every call; smooth(1, 'mrr', t, 3600)
 * interpolates between the knots unit(…, floor(t / 3600)) and unit(…, floor(t / 3600) + 1).
 */

/** FNV-1a over a string: a key's stable 32-bit id. */
export function keyId(key) {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit integer mix (the "lowbias32" finaliser). */
function mix(x) {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Uniform in [0, 1) for (seed, key, index). */
export function unit(seed, key, index) {
  const k = typeof key === 'number' ? key : keyId(key);
  const h = mix(mix(mix(seed >>> 0) ^ k) ^ (index >>> 0) ^ mix(Math.floor(index / 4294967296)));
  return h / 4294967296;
}

/** Standard normal for (seed, key, index) (Box–Muller on two uniforms). */
export function gauss(seed, key, index) {
  const u = Math.max(unit(seed, key, 2 * index), 1e-12);
  const v = unit(seed, key, 2 * index + 1);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Smooth noise in about [-1, 1]: normal knots every `periodSeconds`, cosine-interpolated. */
export function smooth(seed, key, tSeconds, periodSeconds) {
  const x = tSeconds / periodSeconds;
  const i = Math.floor(x);
  const f = (1 - Math.cos(Math.PI * (x - i))) / 2;
  const a = gauss(seed, key, i) / 2.5;
  const b = gauss(seed, key, i + 1) / 2.5;
  return a + (b - a) * f;
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 erf, |error| < 1.5e-7). */
export function normalCdf(z) {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}
