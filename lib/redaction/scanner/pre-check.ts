import { Buffer } from 'node:buffer';
import { ESCAPE_STARTS } from './shadow-text.js';
import type {
  ScanContext,
  SecretDetector,
} from '../detectors/secret-detector.interface.js';

/**
 * @internal A necessary condition for each detector, compiled from the detectors' own `markers`,
 * `digitRun` and `minLength`: bit `i` of the result unset means detector `i` cannot match the text.
 */
export interface PreCheck {
  /** Bit `i` set: detector `i` may match; {@link MAY_BE_ENCODED} set: the text may need a shadow. */
  readonly candidates: (text: string) => number;
}

// Below this length `charCodeAt` is cheaper than filling the scratch buffer (about 2,000 instructions a
// call, then 3 a character).
const SHORT_TEXT = 64;
// Text up to this long is read from a buffer kept for the scanner (3 bytes a character at most).
const SCRATCH_CHARS = 16384;
const DIGIT = 1;
const ESCAPE_START = 2;
const FIRST_ANCHOR = 3;

/** Detectors beyond this many cannot be given a bit. */
export const MAX_DETECTORS = 30;

/**
 * Set in `candidates` when the text holds a character that starts an escape (`%`, `\\`, `&`) or is not
 * ASCII: only then can its shadow differ from it. Read in the same pass, so plain text costs no second one.
 */
export const MAY_BE_ENCODED = 1 << MAX_DETECTORS;

// Printable ASCII from most to least frequent in logs, stacks and JSON (lowercase prose, paths, code);
// characters absent here count as rarest. Only the order matters, and only for speed.
const FREQUENT =
  ' etaoinsrlcdhupm/.:fgy_b-w0123456789vk,()="\'xESCRATPIONDLMBFqjzHGUWVYKXQZ';

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function rarity(char: string): number {
  const rank = FREQUENT.indexOf(char);
  return rank === -1 ? FREQUENT.length : rank;
}

/** Where a marker is looked for: at its rarest character that is not a digit (digits are their own class). */
function anchorOf(marker: string, kind: string): number {
  let at = -1;
  for (let j = marker.length - 1; j >= 0; j--) {
    const code = marker.charCodeAt(j);
    if (
      !(code < 128) ||
      isAsciiDigit(code) ||
      ESCAPE_STARTS.includes(marker[j])
    )
      continue;
    if (at === -1 || rarity(marker[j]) > rarity(marker[at])) at = j;
  }
  if (at === -1) {
    throw new RangeError(
      `${kind}: marker ${JSON.stringify(marker)} needs an ASCII character that is not a digit, % \\ or &`,
    );
  }
  return at;
}

interface Anchor {
  readonly char: string;
  /** Bits of the detectors with a marker found from this character. */
  bits: number;
  /** Bits of the detectors whose marker is this character alone. */
  single: number;
  /** Longer markers: each starts `at` characters before the anchor; `near` is the character beside it. */
  readonly markers: { text: string; at: number; near: number; bit: number }[];
}

/** Groups every marker under its rarest character, so each character is looked for once. */
function anchorsOf(detectors: readonly SecretDetector[]): Anchor[] {
  const byChar = new Map<string, Anchor>();
  detectors.forEach((detector, i) => {
    const bit = 1 << i;
    for (const marker of detector.markers) {
      const at = anchorOf(marker, detector.kind);
      const char = marker[at];
      let anchor = byChar.get(char);
      if (anchor === undefined) {
        anchor = { char, bits: 0, single: 0, markers: [] };
        byChar.set(char, anchor);
      }
      anchor.bits |= bit;
      if (marker.length === 1) {
        anchor.single |= bit;
      } else {
        // The neighbour is compared before the whole marker: the anchor alone is often ordinary text.
        const near = at > 0 ? marker.charCodeAt(at - 1) : marker.charCodeAt(1);
        anchor.markers.push({ text: marker, at, near, bit });
      }
    }
  });
  return [...byChar.values()];
}

/** Compiles the pre-check for `detectors` (at most {@link MAX_DETECTORS}) under one scan's settings. */
export function compilePreCheck(
  detectors: readonly SecretDetector[],
  context: ScanContext,
): PreCheck {
  if (detectors.length > MAX_DETECTORS) {
    throw new RangeError(`at most ${MAX_DETECTORS} detectors`);
  }
  const minLengths = detectors.map((d) =>
    typeof d.minLength === 'function' ? d.minLength(context) : d.minLength,
  );
  const confirms = detectors.map((d) => d.confirm);
  const anchors = anchorsOf(detectors);

  let digitBits = 0;
  let digitRun = Infinity;
  detectors.forEach((detector, i) => {
    if (detector.digitRun === undefined) return;
    digitBits |= 1 << i;
    digitRun = Math.min(digitRun, detector.digitRun);
  });

  // Short text: one pass, each character looked up in a table of anchor characters. The markers are kept
  // in flat arrays, per anchor a range of them, so the loop allocates nothing.
  const classOf = new Uint8Array(128);
  if (digitBits !== 0) {
    for (let c = 0x30; c <= 0x39; c++) classOf[c] = DIGIT;
  }
  // Escape starts are never anchors (anchorOf skips them), so one class marks them.
  for (const char of ESCAPE_STARTS) classOf[char.charCodeAt(0)] = ESCAPE_START;
  anchors.forEach((anchor, k) => {
    classOf[anchor.char.charCodeAt(0)] = FIRST_ANCHOR + k;
  });
  const single = Int32Array.from(anchors, (a) => a.single);
  const all = Int32Array.from(anchors, (a) => a.bits);
  const from = new Int32Array(anchors.length + 1);
  anchors.forEach((a, k) => {
    from[k + 1] = from[k] + a.markers.length;
  });
  const flat = anchors.flatMap((a) => a.markers);
  const markerText = flat.map((m) => m.text);
  const markerAt = Int32Array.from(flat, (m) => m.at);
  const markerNear = Int32Array.from(flat, (m) => m.near);
  const markerBit = Int32Array.from(flat, (m) => m.bit);
  // The longer markers as UTF-8, with the anchor's offset and its neighbour counted in bytes.
  const markerBytes = flat.map((m) => Buffer.from(m.text, 'utf8'));
  const byteAt = Int32Array.from(flat, (m) =>
    Buffer.byteLength(m.text.slice(0, m.at), 'utf8'),
  );
  const nearByte = Int32Array.from(flat, (m, j) =>
    byteAt[j] > 0 ? markerBytes[j][byteAt[j] - 1] : markerBytes[j][1],
  );
  // Per anchor, 1 for a byte that a marker has just before the anchor (or just after, for a marker that
  // starts at it): an occurrence with neither neighbour (most `-`, `_`, `p` in ordinary text) is left
  // after two table reads. An ASCII byte is also the character, so text read as characters uses it too.
  const nearBytes = new Uint8Array(anchors.length * 512);
  for (let k = 0; k < anchors.length; k++) {
    for (let j = from[k]; j < from[k + 1]; j++) {
      nearBytes[k * 512 + (byteAt[j] > 0 ? 0 : 256) + nearByte[j]] = 1;
    }
  }
  // A neighbour outside ASCII is more than one byte: read as characters, that anchor's occurrences are
  // all checked in full.
  const wide = new Uint8Array(anchors.length);
  anchors.forEach((anchor, k) => {
    if (anchor.markers.some((m) => m.near >= 128)) wide[k] = 1;
  });

  /** The bits of the markers found around an occurrence of anchor `k` at `i`. */
  const anchorBits = (text: string, i: number, k: number, bits: number) => {
    bits |= single[k];
    if ((bits & all[k]) === all[k]) return bits;
    const before = i > 0 ? text.charCodeAt(i - 1) : 128;
    // 128 outside the text, as before it: an out-of-bounds read would slow every call (see codeAt).
    const after = i + 1 < text.length ? text.charCodeAt(i + 1) : 128;
    if (
      wide[k] === 0 &&
      !(before < 128 && nearBytes[k * 512 + before] === 1) &&
      !(after < 128 && nearBytes[k * 512 + 256 + after] === 1)
    ) {
      return bits;
    }
    for (let j = from[k]; j < from[k + 1]; j++) {
      if ((bits & markerBit[j]) !== 0) continue;
      const at = markerAt[j];
      const start = i - at;
      if (
        start >= 0 &&
        text.charCodeAt(at > 0 ? i - 1 : i + 1) === markerNear[j] &&
        text.startsWith(markerText[j], start)
      ) {
        bits |= markerBit[j];
      }
    }
    return bits;
  };

  const shortMarkerBits = (text: string): number => {
    let bits = 0;
    let digits = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const kind = c < 128 ? classOf[c] : ESCAPE_START;
      if (kind === 0) {
        digits = 0;
      } else if (kind === DIGIT) {
        if (++digits >= digitRun) bits |= digitBits;
      } else if (kind === ESCAPE_START) {
        digits = 0;
        bits |= MAY_BE_ENCODED;
      } else {
        digits = 0;
        bits = anchorBits(text, i, kind - FIRST_ANCHOR, bits);
      }
    }
    return bits;
  };

  // Longer text is read as UTF-8 bytes from a scratch buffer, filled by one native call: reading a
  // buffer costs a third of `charCodeAt` (which also pays for cons strings), and every byte of a
  // character beyond ASCII is 128 or more, so it cannot pass for an anchor or a neighbour. The bytes
  // stand between two zeros, so a neighbour is always in bounds.
  const byteClass = new Uint8Array(256).fill(ESCAPE_START);
  byteClass.set(classOf);
  const scratch = Buffer.allocUnsafeSlow(3 * SCRATCH_CHARS + 2);

  /** The bits of the markers found around anchor `k` at byte `i` of `b` (the text's bytes: 1 to `end`). */
  const byteAnchorBits = (
    b: Buffer,
    end: number,
    i: number,
    k: number,
    bits: number,
  ): number => {
    for (let j = from[k]; j < from[k + 1]; j++) {
      if ((bits & markerBit[j]) !== 0) continue;
      const at = byteAt[j];
      const start = i - at;
      const marker = markerBytes[j];
      if (start < 1 || start + marker.length > end) continue;
      if (b[at > 0 ? i - 1 : i + 1] !== nearByte[j]) continue;
      let q = 0;
      while (q < marker.length && b[start + q] === marker[q]) q++;
      if (q === marker.length) bits |= markerBit[j];
    }
    return bits;
  };

  const longMarkerBits = (text: string): number => {
    const b =
      text.length <= SCRATCH_CHARS
        ? scratch
        : Buffer.allocUnsafeSlow(3 * text.length + 2);
    b[0] = 0;
    const end = 1 + b.write(text, 1, 'utf8');
    b[end] = 0;
    let bits = end - 1 === text.length ? 0 : MAY_BE_ENCODED;
    // Read once: the loop below is the hot one, and stays free of context loads.
    const classes = byteClass;
    const near = nearBytes;
    const run = digitRun;
    // A digit run is measured from its first digit, so other bytes cost no bookkeeping.
    let runStart = 0;
    for (let i = 1; i < end; i++) {
      const kind = classes[b[i]];
      if (kind === 0) continue;
      if (kind === DIGIT) {
        if (classes[b[i - 1]] !== DIGIT) runStart = i;
        if (i - runStart + 1 >= run) bits |= digitBits;
        continue;
      }
      if (kind === ESCAPE_START) {
        bits |= MAY_BE_ENCODED;
        continue;
      }
      const k = kind - FIRST_ANCHOR;
      bits |= single[k];
      if (
        (bits & all[k]) !== all[k] &&
        (near[k * 512 + b[i - 1]] | near[k * 512 + 256 + b[i + 1]]) !== 0
      ) {
        bits = byteAnchorBits(b, end, i, k, bits);
      }
    }
    return bits;
  };

  const candidates = (text: string): number => {
    const n = text.length;
    const hinted =
      n < SHORT_TEXT ? shortMarkerBits(text) : longMarkerBits(text);
    let bits = hinted & MAY_BE_ENCODED;
    if (hinted === bits) return bits;
    for (let i = 0; i < detectors.length; i++) {
      if ((hinted & (1 << i)) === 0 || n < minLengths[i]) continue;
      const confirm = confirms[i];
      if (confirm !== undefined && !confirm(text)) continue;
      bits |= 1 << i;
    }
    return bits;
  };

  return { candidates };
}
