/** Order statistics for timing samples (nearest-rank percentiles: no interpolation between samples). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
