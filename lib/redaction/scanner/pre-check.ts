import type {
  ScanContext,
  SecretDetector,
} from '../detectors/secret-detector.interface.js';

/**
 * @internal A necessary condition for each detector, compiled from the detectors' own `markers`,
 * `digitRun` and `minLength`: bit `i` of the result unset means detector `i` cannot match the text.
 */
export interface PreCheck {
  /** Bit `i` set: detector `i` may match. */
  readonly candidates: (text: string) => number;
}

// Up to this length one loop over the characters is cheaper than a dozen native searches, each of which
// costs about as much as 10 characters of the loop.
const SHORT_TEXT = 128;
const DIGIT = 1;
const FIRST_ANCHOR = 2;

/** Detectors beyond this many cannot be given a bit. */
export const MAX_DETECTORS = 30;

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
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

  // Short text: one pass, each character looked up in a table of the markers' last characters. The
  // markers are kept in flat arrays, per anchor character a range of them, so the loop allocates nothing.
  const classOf = new Uint8Array(128);
  const anchorMarkers: { text: string; bit: number }[][] = [];
  let digitBits = 0;
  let digitRun = Infinity;
  detectors.forEach((detector, i) => {
    const bit = 1 << i;
    if (detector.digitRun !== undefined) {
      digitBits |= bit;
      digitRun = Math.min(digitRun, detector.digitRun);
    }
    for (const marker of detector.markers) {
      const last = marker.charCodeAt(marker.length - 1);
      if (!(last < 128) || isAsciiDigit(last)) {
        throw new RangeError(
          `${detector.kind}: marker ${JSON.stringify(marker)} must end in an ASCII non-digit`,
        );
      }
      if (classOf[last] === 0) {
        classOf[last] = FIRST_ANCHOR + anchorMarkers.length;
        anchorMarkers.push([]);
      }
      anchorMarkers[classOf[last] - FIRST_ANCHOR].push({ text: marker, bit });
    }
  });
  if (digitBits !== 0) {
    for (let c = 0x30; c <= 0x39; c++) classOf[c] = DIGIT;
  }
  const anchorCount = anchorMarkers.length;
  const single = new Int32Array(anchorCount);
  const all = new Int32Array(anchorCount);
  const from = new Int32Array(anchorCount + 1);
  const longer = anchorMarkers.flatMap((markers, k) => {
    for (const m of markers) {
      all[k] |= m.bit;
      if (m.text.length === 1) single[k] |= m.bit;
    }
    const multi = markers.filter((m) => m.text.length > 1);
    from[k + 1] = from[k] + multi.length;
    return multi;
  });
  const longerText = longer.map((m) => m.text);
  const longerBit = Int32Array.from(longer, (m) => m.bit);
  // The character before the anchor is compared first: most anchors end ordinary words too.
  const longerPrevious = Int32Array.from(longer, (m) =>
    m.text.charCodeAt(m.text.length - 2),
  );

  // Out of the loop below, so that the loop stays small enough to compile tightly.
  const anchorBits = (text: string, i: number, k: number, bits: number) => {
    bits |= single[k];
    if ((bits & all[k]) === all[k]) return bits;
    const previous = text.charCodeAt(i - 1);
    for (let j = from[k]; j < from[k + 1]; j++) {
      if (longerPrevious[j] !== previous || (bits & longerBit[j]) !== 0)
        continue;
      const marker = longerText[j];
      if (
        i + 1 >= marker.length &&
        text.startsWith(marker, i + 1 - marker.length)
      ) {
        bits |= longerBit[j];
      }
    }
    return bits;
  };

  const markerBits = (text: string): number => {
    let bits = 0;
    let digits = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const kind = c < 128 ? classOf[c] : 0;
      if (kind === 0) {
        digits = 0;
      } else if (kind === DIGIT) {
        if (++digits >= digitRun) bits |= digitBits;
      } else {
        digits = 0;
        bits = anchorBits(text, i, kind - FIRST_ANCHOR, bits);
      }
    }
    return bits;
  };

  // Long text: native single-character searches (a memchr each), from each marker's rarest character.
  const longAnchors = longTextAnchors(detectors);
  const digitPattern =
    digitRun === Infinity
      ? undefined
      : // Spelled out: V8 runs `[0-9][0-9][0-9][0-9]` about 3× faster than `[0-9]{4}`.
        new RegExp('[0-9]'.repeat(digitRun));
  const longMarkerBits = (text: string): number => {
    let bits =
      digitPattern !== undefined && digitPattern.test(text) ? digitBits : 0;
    for (const anchor of longAnchors) {
      let missing = anchor.bits & ~bits;
      for (
        let i = missing === 0 ? -1 : text.indexOf(anchor.char);
        i !== -1;
        i = missing === 0 ? -1 : text.indexOf(anchor.char, i + 1)
      ) {
        for (const m of anchor.markers) {
          if ((missing & m.bit) !== 0 && text.startsWith(m.text, i - m.at)) {
            bits |= m.bit;
            missing &= ~m.bit;
          }
        }
      }
    }
    return bits;
  };

  const candidates = (text: string): number => {
    const n = text.length;
    const hinted = n < SHORT_TEXT ? markerBits(text) : longMarkerBits(text);
    if (hinted === 0) return 0;
    let bits = 0;
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

// Printable ASCII from most to least frequent in logs, stacks and JSON (lowercase prose, paths, code);
// characters absent here count as rarest. Only the order matters, and only for speed.
const FREQUENT =
  ' etaoinsrlcdhupm/.:fgy_b-w0123456789vk,()="\'xESCRATPIONDLMBFqjzHGUWVYKXQZ';

function rarity(char: string): number {
  const rank = FREQUENT.indexOf(char);
  return rank === -1 ? FREQUENT.length : rank;
}

interface LongAnchor {
  readonly char: string;
  /** Bits of every detector with a marker here. */
  bits: number;
  /** Each marker found from this character: it starts `at` characters before it. */
  readonly markers: { text: string; at: number; bit: number }[];
}

/** Groups every marker under its rarest character, so each character is searched for once. */
function longTextAnchors(detectors: readonly SecretDetector[]): LongAnchor[] {
  const byChar = new Map<string, LongAnchor>();
  detectors.forEach((detector, i) => {
    for (const marker of detector.markers) {
      let at = marker.length - 1;
      for (let j = marker.length - 2; j >= 0; j--) {
        if (rarity(marker[j]) > rarity(marker[at])) at = j;
      }
      const char = marker[at];
      let anchor = byChar.get(char);
      if (anchor === undefined) {
        anchor = { char, bits: 0, markers: [] };
        byChar.set(char, anchor);
      }
      anchor.bits |= 1 << i;
      anchor.markers.push({ text: marker, at, bit: 1 << i });
    }
  });
  return [...byChar.values()];
}
