import type { SecretMatch } from '../scanner/secret-span.js';
import type {
  Alphabet,
  Run,
  TokenFormat,
  TokenPart,
} from './token-format.interfaces.js';

const DOT = 0x2e;

/** @internal A 128-entry membership table for an alphabet written as a regex class (`A-Za-z0-9_-`). */
export function alphabetTable(chars: Alphabet): Uint8Array {
  const table = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) {
    const from = chars.charCodeAt(i);
    let to = from;
    if (chars[i + 1] === '-' && i + 2 < chars.length) {
      to = chars.charCodeAt(i + 2);
      i += 2;
    }
    if (to >= 128 || to < from) {
      throw new RangeError(`alphabet ${JSON.stringify(chars)} is not ASCII`);
    }
    for (let c = from; c <= to; c++) table[c] = 1;
  }
  return table;
}

/** @internal `[shortest, longest]` of a run. */
export function runLength(run: Run): readonly [number, number] {
  return typeof run.length === 'number' ? [run.length, run.length] : run.length;
}

// What may still be glued to a token's end and is censored with it: letters, digits, `_`, `-`, and `.`
// between two of those (`glpat-….01abc`, `dapi…-2`). A sentence's closing `.` is not glue.
const GLUE = alphabetTable('A-Za-z0-9_-');
const ALNUM = alphabetTable('A-Za-z0-9');

// A table read past its 128 entries gives `undefined`: no character beyond ASCII is a member.
function isAlnum(code: number): boolean {
  return ALNUM[code] === 1;
}

interface CompiledRun {
  readonly table: Uint8Array;
  /** Index of the alphabet among the table's distinct ones: its slot in the run memo. */
  readonly slot: number;
  readonly min: number;
  readonly max: number;
  /** The alphabet holds `.`: a sentence's full stop may follow the token and be read as part of it. */
  readonly dotted: boolean;
}

type CompiledPart = CompiledRun | string;

interface CompiledFormat {
  /** Longest first. */
  readonly leads: readonly string[];
  readonly before: CompiledRun | undefined;
  readonly body: readonly CompiledPart[];
  readonly check: ((token: string) => boolean) | undefined;
}

interface PrefixEntry {
  readonly prefix: string;
  /** The prefix itself must not follow a letter or digit (no `before` run, no lead ending in one). */
  readonly gap: boolean;
  readonly format: CompiledFormat;
}

/** @internal The table compiled: what the detector built from it reports. */
export interface TokenTable {
  /** Substrings every token contains, derived from the prefixes ({@link deriveMarkers}). */
  readonly markers: readonly string[];
  /** The shortest token any row allows. */
  readonly minLength: number;
  /** Appends a span of `kind` for every token in `text`. */
  readonly scan: (text: string, kind: string, found: SecretMatch[]) => void;
}

// A shorter shared part (`gl`, `gh`, `k_`) is ordinary text: the prefixes themselves are rarer.
const MIN_SHARED_MARKER = 3;

/** The longest substring of every prefix, or ''. */
function sharedPart(prefixes: readonly string[]): string {
  const shortest = prefixes.reduce((a, b) => (b.length < a.length ? b : a));
  for (let length = shortest.length; length > 0; length--) {
    for (let from = 0; from + length <= shortest.length; from++) {
      const part = shortest.slice(from, from + length);
      if (prefixes.every((p) => p.includes(part))) return part;
    }
  }
  return '';
}

/**
 * @internal The pre-check markers of a table: for each row the part all its prefixes share (`tskey-`,
 * `/webhooks/`) when it is long enough, else its prefixes; then none that contains another. Every token
 * starts with a prefix, so it holds one of them.
 */
export function deriveMarkers(formats: readonly TokenFormat[]): string[] {
  const candidates = new Set<string>();
  for (const format of formats) {
    const shared = sharedPart(format.prefixes);
    const own = shared.length >= MIN_SHARED_MARKER ? [shared] : format.prefixes;
    for (const marker of own) candidates.add(marker);
  }
  const all = [...candidates];
  return all.filter(
    (m) => !all.some((other) => other !== m && m.includes(other)),
  );
}

function shortest(format: TokenFormat): number {
  let length = Math.min(...format.prefixes.map((p) => p.length));
  if (format.before !== undefined) length += runLength(format.before)[0];
  for (const part of format.body) {
    length += typeof part === 'string' ? part.length : runLength(part)[0];
  }
  return length;
}

/** @internal Compiles token formats into markers, a minimum length and one linear scan. */
export function compileTokenTable(formats: readonly TokenFormat[]): TokenTable {
  const alphabets = new Map<string, number>();
  const tables: Uint8Array[] = [];
  const run = (r: Run): CompiledRun => {
    let slot = alphabets.get(r.chars);
    if (slot === undefined) {
      slot = tables.length;
      alphabets.set(r.chars, slot);
      tables.push(alphabetTable(r.chars));
    }
    const [min, max] = runLength(r);
    const table = tables[slot];
    return { table, slot, min, max, dotted: table[DOT] === 1 };
  };
  const part = (p: TokenPart): CompiledPart =>
    typeof p === 'string' ? p : run(p);

  const entries: PrefixEntry[] = [];
  for (const format of formats) {
    const leads = [...(format.leads ?? [])].sort((a, b) => b.length - a.length);
    const compiled: CompiledFormat = {
      leads,
      before: format.before === undefined ? undefined : run(format.before),
      body: format.body.map(part),
      check: format.check,
    };
    const gap =
      compiled.before === undefined &&
      leads.every((l) => !isAlnum(l.charCodeAt(l.length - 1)));
    for (const prefix of format.prefixes) {
      if (prefix.length < 2 || /[^\x21-\x7e]/.test(prefix)) {
        throw new RangeError(
          `${format.name}: prefix ${prefix} must be 2+ printable ASCII characters`,
        );
      }
      entries.push({
        prefix,
        gap,
        format: compiled,
      });
    }
  }
  // Entries by their prefix's first two characters, those that need a gap before them apart: inside a
  // word (`dapi` in `sandapi…`) only the others are tried. `starts` flags the first characters.
  const ANY = 1;
  const GAP = 2;
  const starts = new Uint8Array(128);
  const anyPair = new Uint8Array(1 << 14);
  const gapPair = new Uint8Array(1 << 14);
  const groups: PrefixEntry[][] = [[]];
  for (const entry of entries) {
    const c = entry.prefix.charCodeAt(0);
    const pair = (c << 7) | entry.prefix.charCodeAt(1);
    const table = entry.gap ? gapPair : anyPair;
    starts[c] |= entry.gap ? GAP : ANY;
    if (table[pair] === 0) {
      if (groups.length === 256) throw new RangeError('too many prefix pairs');
      groups.push([]);
      table[pair] = groups.length - 1;
    }
    groups[table[pair]].push(entry);
  }

  // Where the last run read of each alphabet started and ended: a run is read once however many
  // prefixes inside it are tried, so the scan stays linear (`ghp_ghp_ghp_…`). Reset for each text.
  const runStart = new Int32Array(tables.length);
  const runStop = new Int32Array(tables.length);
  let glueStart = -1;
  let glueStop = -1;

  const runEnd = (text: string, r: CompiledRun, from: number): number => {
    const s = runStart[r.slot];
    const e = runStop[r.slot];
    // Stryker disable next-line all: a memo of the last run read; without it the same end is recomputed.
    if (s !== -1 && from >= s && from <= e) return e;
    const { table } = r;
    let k = from;
    while (k < text.length) {
      // Stryker disable next-line all: the memo again, reached from the left; skipping it reads the run.
      if (k === s) {
        k = e;
        break;
      }
      const c = text.charCodeAt(k);
      if (table[c] !== 1) break;
      k++;
    }
    runStart[r.slot] = from;
    runStop[r.slot] = k;
    return k;
  };

  const glueEnd = (text: string, from: number): number => {
    // Stryker disable next-line all: a memo of the last glue read; without it the same end is recomputed.
    if (glueStart !== -1 && from >= glueStart && from <= glueStop) {
      return glueStop;
    }
    let k = from;
    while (k < text.length) {
      // Stryker disable next-line all: the memo again, reached from the left; skipping it reads the glue.
      if (k === glueStart) {
        k = glueStop;
        break;
      }
      const c = text.charCodeAt(k);
      if (GLUE[c] === 1) {
        k++;
      } else if (c === DOT) {
        const next = text.charCodeAt(k + 1);
        if (GLUE[next] !== 1) break;
        k += 2;
      } else {
        break;
      }
    }
    glueStart = from;
    glueStop = k;
    return k;
  };

  /** Where the token whose prefix is at `at` starts, or -1. */
  const tokenStart = (text: string, at: number, f: CompiledFormat): number => {
    let start = at;
    const b = f.before;
    if (b !== undefined) {
      const stop = Math.max(0, at - b.max - 1);
      let k = at;
      while (k > stop) {
        const c = text.charCodeAt(k - 1);
        if (b.table[c] !== 1) break;
        k--;
      }
      if (at - k < b.min || at - k > b.max) return -1;
      start = k;
    }
    for (const lead of f.leads) {
      const from = start - lead.length;
      if (
        from >= 0 &&
        text.startsWith(lead, from) &&
        (from === 0 || !isAlnum(text.charCodeAt(from - 1)))
      ) {
        return from;
      }
    }
    return start === 0 || !isAlnum(text.charCodeAt(start - 1)) ? start : -1;
  };

  /** Where the body that starts at `from` ends, or -1. */
  const bodyEnd = (text: string, from: number, f: CompiledFormat): number => {
    let pos = from;
    const last = f.body.length - 1;
    for (let j = 0; j <= last; j++) {
      const p = f.body[j];
      if (typeof p === 'string') {
        if (!text.startsWith(p, pos)) return -1;
        pos += p.length;
        continue;
      }
      const end = runEnd(text, p, pos);
      let length = end - pos;
      if (length < p.min) return -1;
      if (j < last) {
        // Exact runs are cut at their length; a range is followed by a literal it cannot hold.
        pos += Math.min(length, p.max);
        continue;
      }
      // A token ends where its alphabet ends; longer is another format. A full stop after a token
      // whose alphabet holds `.` may close a sentence.
      while (
        length > p.max &&
        p.dotted &&
        text.charCodeAt(pos + length - 1) === DOT
      ) {
        length--;
      }
      // Never below the minimum here: the trim stops at the maximum.
      if (length > p.max) return -1;
      pos += length;
    }
    return pos;
  };

  const tryAt = (
    text: string,
    i: number,
    group: readonly PrefixEntry[],
    kind: string,
    found: SecretMatch[],
  ): void => {
    for (let j = 0; j < group.length; j++) {
      const entry = group[j];
      if (!text.startsWith(entry.prefix, i)) continue;
      const f = entry.format;
      const start = tokenStart(text, i, f);
      if (start === -1) continue;
      const end = bodyEnd(text, i + entry.prefix.length, f);
      if (end === -1) continue;
      if (f.check !== undefined && !f.check(text.slice(start, end))) continue;
      found.push({ kind, start, end: glueEnd(text, end) });
    }
  };

  const scan = (text: string, kind: string, found: SecretMatch[]): void => {
    runStart.fill(-1);
    runStop.fill(-1);
    glueStart = -1;
    glueStop = -1;
    const last = text.length - 1;
    let glued = false;
    for (let i = 0; i < last; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128) {
        glued = false;
        continue;
      }
      const kinds = starts[c];
      if (kinds !== 0) {
        const next = text.charCodeAt(i + 1);
        if (next < 128) {
          const pair = (c << 7) | next;
          if ((kinds & ANY) !== 0 && anyPair[pair] !== 0) {
            tryAt(text, i, groups[anyPair[pair]], kind, found);
          }
          if ((kinds & GAP) !== 0 && !glued && gapPair[pair] !== 0) {
            tryAt(text, i, groups[gapPair[pair]], kind, found);
          }
        }
      }
      glued = ALNUM[c] === 1;
    }
  };

  return {
    markers: deriveMarkers(formats),
    minLength: Math.min(...formats.map(shortest)),
    scan,
  };
}
