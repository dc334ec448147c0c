import { censorsSpan } from '../keys/credential-value.js';
import { isKeyChar } from '../scanner/char-codes.js';
import { isCensorAt } from '../scanner/secret-span.js';
import { defineDetector } from './secret-detector.interface.js';

const MAX_NAME = 64;
// Attributes may stand between the name and `>`: `<password type="x">`. Bounded, so a stray `<` costs
// little.
const MAX_TAG = 256;
const CDATA_OPEN = '<![CDATA[';
const CDATA_CLOSE = ']]>';

// XML allows any of these between a tag's name and its attributes.
function isTagBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** End of the element name starting at `at` (`at` itself when there is none). */
function nameEndAt(text: string, at: number): number {
  let end = at;
  while (end - at < MAX_NAME && isKeyChar(text.charCodeAt(end))) end++;
  return end;
}

/** End of the opening tag whose name ends at `nameEnd`, past its `>`; -1 when it is not one. */
function openingTagEnd(text: string, nameEnd: number): number {
  const c = text.charCodeAt(nameEnd);
  if (c === 0x3e) return nameEnd + 1;
  if (!isTagBlank(c)) return -1;
  const limit = Math.min(text.length, nameEnd + MAX_TAG);
  for (let i = nameEnd + 1; i < limit; i++) {
    const d = text.charCodeAt(i);
    if (d === 0x3c) return -1;
    // `<password … />` holds nothing.
    if (d === 0x3e) return text.charCodeAt(i - 1) === 0x2f ? -1 : i + 1;
  }
  return -1;
}

/**
 * Text of a secret-named element in XML or HTML: `<password>v</password>`, `<ApiKey>v</ApiKey>`, and a
 * CDATA section's content (`<password><![CDATA[v]]></password>`).
 */
export const markupPairDetector = defineDetector({
  kind: 'markup-pair',
  reveals: 'secret',
  minLength: (context) => 2 * context.minKeyLength + 6, // <k>v</k>
  markers: ['</'],
  usesKeys: true,
  scan(text, context, found) {
    let open = text.indexOf('<');
    while (open !== -1) {
      const nameEnd = nameEndAt(text, open + 1);
      const tagEnd = nameEnd === open + 1 ? -1 : openingTagEnd(text, nameEnd);
      if (tagEnd === -1) {
        open = text.indexOf('<', open + 1);
        continue;
      }
      let start = tagEnd;
      let end: number;
      let close: number;
      if (text.startsWith(CDATA_OPEN, tagEnd)) {
        start = tagEnd + CDATA_OPEN.length;
        end = text.indexOf(CDATA_CLOSE, start);
        // Never closed (a cut or broken section): no value here, and the tags after it are still read.
        if (end === -1) {
          open = text.indexOf('<', start);
          continue;
        }
        close = end + CDATA_CLOSE.length;
      } else {
        // Text runs to the next tag; only when that tag closes this element is it the element's value.
        end = text.indexOf('<', tagEnd);
        close = end;
      }
      if (close === -1) return;
      const name = text.slice(open + 1, nameEnd);
      if (
        end > start &&
        text.startsWith(`</${name}>`, close) &&
        !isCensorAt(text, start, end, context.censor) &&
        censorsSpan(context.keyVerdict(name), text, start, end)
      ) {
        found.push({ kind: 'markup-pair', start, end });
      }
      open = text.indexOf('<', close);
    }
  },
});
