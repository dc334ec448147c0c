// Letters that look like Latin ones in common fonts (Cyrillic and Greek): `pаssword` with a Cyrillic `а`
// reads as `password` to a person, so it is one to the matcher.
const LOOKALIKES: Readonly<Record<string, string>> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ӏ: 'l',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  α: 'a',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  ν: 'v',
  ι: 'i',
  κ: 'k',
  υ: 'u',
  ε: 'e',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};
const LOOKALIKE = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'gu');
// Invisible characters (zero-width spaces and joiners, soft hyphens, bidi marks) and combining marks.
const INVISIBLE = /[\p{Cf}\p{M}]/gu;
const NON_ASCII = /[^\t\n\r\u0020-\u007e]/;

/**
 * @internal What a key looks like to a reader: compatibility forms folded (fullwidth `ｐａｓｓ` is
 * `pass`), invisible characters dropped, lookalike letters read as Latin. ASCII keys come back as they are.
 */
export function foldKey(key: string): string {
  if (!NON_ASCII.test(key)) return key;
  return key
    .normalize('NFKD')
    .replace(INVISIBLE, '')
    .replace(LOOKALIKE, (c) => LOOKALIKES[c]);
}

function isLower(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}
function isUpper(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
}
function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * @internal The words of a folded key, lowercase: split at anything not a letter or digit, at a
 * lower-to-upper step (`apiKey`), before the last capital of a run (`APIKey` is `api key`) and between
 * letters and digits (`oauth2Token`).
 */
export function keyWords(key: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= key.length; i++) {
    const code = i < key.length ? key.charCodeAt(i) : 0;
    const alnum = isLower(code) || isUpper(code) || isDigitCode(code);
    if (start !== -1) {
      const prev = key.charCodeAt(i - 1);
      const split =
        !alnum ||
        (isUpper(code) && isLower(prev)) ||
        (isUpper(code) && isUpper(prev) && isLower(key.charCodeAt(i + 1))) ||
        isDigitCode(code) !== isDigitCode(prev);
      if (split) {
        words.push(key.slice(start, i).toLowerCase());
        start = -1;
      }
    }
    if (alnum && start === -1) start = i;
  }
  return words;
}
