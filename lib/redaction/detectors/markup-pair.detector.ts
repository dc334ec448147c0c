import { censorsSpan } from '../keys/credential-value.js';
import { isKeyChar } from '../scanner/char-codes.js';
import { defineDetector } from './secret-detector.interface.js';

const MAX_NAME = 64;
// Attributes may stand between the name and `>`: `<password type="x">`. Bounded, so a stray `<` costs
// little.
const MAX_TAG = 256;

/** The element whose name starts at `at`: its name's end and its opening tag's end, or -1. */
function openingTag(text: string, at: number): [number, number] {
  let nameEnd = at;
  while (nameEnd - at < MAX_NAME && isKeyChar(text.charCodeAt(nameEnd)))
    nameEnd++;
  if (nameEnd === at) return [-1, -1];
  const c = text.charCodeAt(nameEnd);
  if (c === 0x3e) return [nameEnd, nameEnd + 1];
  if (c !== 0x20) return [-1, -1];
  for (let i = nameEnd; i < text.length && i - nameEnd < MAX_TAG; i++) {
    const d = text.charCodeAt(i);
    if (d === 0x3c) break;
    if (d === 0x3e)
      return text.charCodeAt(i - 1) === 0x2f ? [-1, -1] : [nameEnd, i + 1];
  }
  return [-1, -1];
}

/** Text of a secret-named element in XML or HTML: `<password>v</password>`, `<ApiKey>v</ApiKey>`. */
export const markupPairDetector = defineDetector({
  kind: 'markup-pair',
  reveals: 'secret',
  minLength: (context) => 2 * context.minKeyLength + 6, // <k>v</k>
  markers: ['</'],
  usesKeys: true,
  scan(text, context, found) {
    let open = text.indexOf('<');
    while (open !== -1) {
      const [nameEnd, tagEnd] = openingTag(text, open + 1);
      if (tagEnd === -1) {
        open = text.indexOf('<', open + 1);
        continue;
      }
      // Text runs to the next tag; only when that tag closes this element is it the element's value.
      const close = text.indexOf('<', tagEnd);
      if (close === -1) return;
      const name = text.slice(open + 1, nameEnd);
      if (
        close > tagEnd &&
        text.startsWith(`</${name}>`, close) &&
        nameEnd - open - 1 >= context.minKeyLength
      ) {
        if (
          !text.startsWith(context.censor || '\0', tagEnd) &&
          censorsSpan(context.keyVerdict(name), text, tagEnd, close)
        ) {
          found.push({ kind: 'markup-pair', start: tagEnd, end: close });
        }
      }
      open = close;
    }
  },
});
