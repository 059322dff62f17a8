/** Runs `fn` repeatedly for about `ms` milliseconds (after a warm-up) and returns operations per second. */
export function measureRate(fn: (i: number) => void, ms = 1500): number {
  for (let i = 0; i < 200; i++) fn(i);
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let k = 0; k < 50; k++) fn(n++);
    elapsed = performance.now() - start;
  }
  return (n / elapsed) * 1000;
}

/** Same for async work. */
export async function measureRateAsync(fn: (i: number) => Promise<void>, ms = 1500): Promise<number> {
  for (let i = 0; i < 5; i++) await fn(i);
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) await fn(n++);
  return (n / (performance.now() - start)) * 1000;
}

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /** value / baseline (or value / goal when there is no baseline). */
  ratio: number;
  goal?: string;
  pass?: boolean;
}
