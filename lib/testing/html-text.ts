// Script and style bodies are not text a person reads; any other tag is only markup.
const TAGGED =
  /<(script|style)\b[^>]{0,200}>[^]*?<\/\1\s{0,20}>|<[^>]{0,2000}>/gi;
const LINE_BREAK_TAG = /<br\s{0,8}\/?>/gi;
const ENTITY =
  /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(lt|gt|amp|quot|apos|nbsp|rsquo|lsquo|rdquo|ldquo|hellip));/gi;
const NAMED: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  hellip: '…',
};

function fromCodePoint(code: number): string {
  // Controls and out-of-range values stay visible as a space: evidence is one printable line.
  return code > 0x1f && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
    ? String.fromCodePoint(code)
    : ' ';
}

/** An error page's `&lt;anonymous&gt;)<br> &nbsp;at` as the text it shows: `<anonymous>) at`. */
export function readableHtml(text: string): string {
  return text
    .replace(LINE_BREAK_TAG, ' ')
    .replace(ENTITY, (_, dec?: string, hex?: string, name?: string) =>
      dec !== undefined
        ? fromCodePoint(Number(dec))
        : hex !== undefined
          ? fromCodePoint(Number.parseInt(hex, 16))
          : NAMED[name!.toLowerCase()]!,
    );
}

/** The text a person reads in an HTML or plain-text body, tags and entities removed. */
export function visibleText(body: string): string {
  return readableHtml(body.replace(TAGGED, ' ')).replace(/\s+/g, ' ').trim();
}
