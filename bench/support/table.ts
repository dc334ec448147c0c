import type { Comparison } from './stats.js';

function num(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toPrecision(2);
}

function withRange(median: number, range: [number, number]): string {
  return `${num(median)} (${num(range[0])}–${num(range[1])})`;
}

/** A Markdown table (it goes into the README as is): medians, with min–max over the rounds. */
export function formatTable(comparisons: readonly Comparison[]): string {
  const header = [
    'name',
    'runtime',
    'measure',
    'ours',
    'baseline',
    'unit',
    'ratio',
    'goal',
    'met?',
  ];
  const rows = comparisons.map((c) => {
    const absolute = c.baselineRange === null;
    return [
      c.name,
      c.runtime ?? '',
      c.measure ?? '',
      withRange(c.ours, c.oursRange),
      c.baseline === null
        ? '–'
        : absolute
          ? `limit ${num(c.baseline)}`
          : withRange(c.baseline, c.baselineRange ?? [c.baseline, c.baseline]),
      c.unit,
      // Three decimals: goals such as 1 / 1.03 are told apart from a ratio only there.
      `${c.ratio.toFixed(3)} (${c.ratioRange[0].toFixed(3)}–${c.ratioRange[1].toFixed(3)})`,
      absolute
        ? `≥ 1 (≤ ${num(c.baseline ?? 0)} ${c.unit})`
        : `≥ ${Number(c.goal.toFixed(3))}`,
      c.met ? 'yes' : '**no**',
    ];
  });
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => r[i].length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}
