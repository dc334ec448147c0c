/** One row of the results: `ratio` is oriented so that `ratio >= goal` means the goal is met. */
export interface Comparison {
  name: string;
  /** Median of the library's side, in `unit`. */
  ours: number;
  /** Median of the other side, or the absolute goal (or null) for absolute targets. */
  baseline: number | null;
  unit: string;
  ratio: number;
  goal: number;
  /** Whether a larger `ours`/`baseline` is better (req/s yes, µs and MB no). */
  higherIsBetter: boolean;
  met: boolean;
  oursRange: [number, number];
  baselineRange: [number, number] | null;
  ratioRange: [number, number];
  rounds: number;
  /** How the sides were built, where a reader could otherwise misjudge the comparison. */
  note?: string;
  /** The Node.js that ran both sides, e.g. `Node v24.22.3`. */
  runtime?: string;
  /**
   * `instructions`: valgrind counts per operation; `cpu-time`: alternating rounds (rates and µs);
   * `memory`: growth over a long run.
   */
  measure?: 'instructions' | 'cpu-time' | 'memory';
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('no samples');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median =
    sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/** Rounds to `digits` significant digits, so the JSON stays readable. */
export function round(value: number, digits = 4): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(digits));
}

export interface Side {
  readonly name: string;
  /** One measurement of this side (req/s, ops/s, µs...). */
  readonly measure: () => Promise<number>;
}

export interface RoundOptions {
  rounds: number;
  /** Runs between two measurements, e.g. a GC so one side's garbage is not billed to the other. */
  between?: () => Promise<void> | void;
  /** Runs each side once, unmeasured, first: JIT, caches and connection pools settle. */
  warmup?: boolean;
  log?: (line: string) => void;
}

/**
 * Measures every side once per round, rotating which goes first, so drift and bursts of load on a
 * shared machine fall on all sides alike. Returns each side's samples, in round order.
 */
export async function alternate(
  sides: readonly Side[],
  { rounds, between, warmup = true, log }: RoundOptions,
): Promise<Map<string, number[]>> {
  if (warmup) {
    for (const side of sides) {
      await between?.();
      await side.measure();
    }
  }
  const samples = new Map<string, number[]>(sides.map((s) => [s.name, []]));
  for (let r = 0; r < rounds; r++) {
    const order = sides.map((_, i) => sides[(i + r) % sides.length]);
    const parts: string[] = [];
    for (const side of order) {
      await between?.();
      const value = await side.measure();
      samples.get(side.name)?.push(value);
      parts.push(`${side.name} ${round(value, 4)}`);
    }
    log?.(`    round ${r + 1}/${rounds}: ${parts.join(', ')}`);
  }
  return samples;
}

export interface CompareSpec {
  name: string;
  unit: string;
  goal: number;
  higherIsBetter: boolean;
  note?: string;
}

/**
 * A relative comparison. The ratio is the median of per-round ratios (each round's two sides ran
 * back to back, so their ratio cancels most of the machine's drift), oriented so higher is better.
 */
export function relative(
  spec: CompareSpec,
  ours: readonly number[],
  baseline: readonly number[],
): Comparison {
  const ratios = ours.map((o, i) =>
    spec.higherIsBetter ? o / baseline[i] : baseline[i] / o,
  );
  const o = spread(ours);
  const b = spread(baseline);
  const r = spread(ratios);
  return {
    name: spec.name,
    ours: round(o.median),
    baseline: round(b.median),
    unit: spec.unit,
    ratio: round(r.median, 3),
    goal: spec.goal,
    higherIsBetter: spec.higherIsBetter,
    met: r.median >= spec.goal,
    oursRange: [round(o.min), round(o.max)],
    baselineRange: [round(b.min), round(b.max)],
    ratioRange: [round(r.min, 3), round(r.max, 3)],
    rounds: ours.length,
    ...(spec.note !== undefined && { note: spec.note }),
  };
}

/**
 * An absolute ceiling (`ours` must stay at or below `limit`): the ratio is limit / ours, so >= 1 means
 * met. A value at or below zero counts as far below the limit.
 */
export function ceiling(
  spec: Omit<CompareSpec, 'goal' | 'higherIsBetter'> & { limit: number },
  ours: readonly number[],
): Comparison {
  const o = spread(ours);
  const ratioOf = (v: number) => spec.limit / Math.max(v, spec.limit / 100);
  return {
    name: spec.name,
    ours: round(o.median),
    baseline: spec.limit,
    unit: spec.unit,
    ratio: round(ratioOf(o.median), 3),
    goal: 1,
    higherIsBetter: false,
    met: o.median <= spec.limit,
    oursRange: [round(o.min), round(o.max)],
    baselineRange: null,
    // The worst round gives the lowest ratio.
    ratioRange: [round(ratioOf(o.max), 3), round(ratioOf(o.min), 3)],
    rounds: ours.length,
    ...(spec.note !== undefined && { note: spec.note }),
  };
}
