import {
  alphabetTable,
  runLength,
} from '../../lib/redaction/tokens/token-table.js';
import type {
  Run,
  TokenFormat,
} from '../../lib/redaction/tokens/token-format.interfaces.js';
import { TOKEN_FORMATS } from '../../lib/redaction/tokens/token-formats.js';

export const R = '[REDACTED]';

/** A small seeded generator (mulberry32): the corpus is the same on every run. */
import { seeded, type Random } from '../utils/seeded-random.js';
export { seeded, type Random } from '../utils/seeded-random.js';

export function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function pick<T>(random: Random, items: ArrayLike<T>): T {
  return items[Math.floor(random() * items.length)];
}

export function charsOf(alphabet: string): string {
  const table = alphabetTable(alphabet);
  let chars = '';
  for (let c = 0; c < 128; c++)
    if (table[c] === 1) chars += String.fromCharCode(c);
  return chars;
}

function runText(random: Random, run: Run): string {
  const chars = charsOf(run.chars);
  const [min, max] = runLength(run);
  let text = '';
  for (let n = between(random, min, max); n > 0; n--)
    text += pick(random, chars);
  return text;
}

/**
 * A token of `format` from its own description: a lead or none, the `before` run, one of its prefixes and
 * a random body of the right alphabets and lengths. A row with a `check` is drawn until one passes.
 */
export function generateToken(format: TokenFormat, random: Random): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const lead =
      format.leads === undefined ? '' : pick(random, ['', ...format.leads]);
    let token = lead;
    if (format.before !== undefined) token += runText(random, format.before);
    token += pick(random, format.prefixes);
    for (const part of format.body) {
      token += typeof part === 'string' ? part : runText(random, part);
    }
    if (format.check === undefined || format.check(token)) return token;
  }
  throw new Error(`${format.name}: no generated token passes its check`);
}

// --- Hand-written samples, one line per row, from the vendors' descriptions rather than the table.

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const URL_SAFE = `${ALNUM}_-`;

function sampleText(random: Random, chars: string, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += pick(random, chars);
  return text;
}

/** One sample per row name, written from the format's documentation. */
export function handSamples(seed = 0x7ab1e): Record<string, string> {
  const random = seeded(seed);
  const s = (chars: string, length: number) =>
    sampleText(random, chars, length);
  const hex = (length: number) => s('0123456789abcdef', length);
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
  return {
    'GitHub token': `ghp_${s(ALNUM, 36)}`,
    'GitHub fine-grained personal access token': `github_pat_11${s(UPPER + DIGITS, 20)}_${s(ALNUM, 59)}`,
    'GitLab access token': `glpat-${s(URL_SAFE, 20)}`,
    'GitLab pipeline trigger token': `glptt-${hex(40)}`,
    'GitLab runner registration token': `GR1348941${s(URL_SAFE, 20)}`,
    'Stripe secret key': `sk_live_51${s(ALNUM, 97)}`,
    'Slack token': `xoxb-${s(DIGITS, 12)}-${s(DIGITS, 13)}-${s(ALNUM, 24)}`,
    'Slack app-level token': `xapp-1-A${s(UPPER + DIGITS, 10)}-${s(DIGITS, 13)}-${hex(64)}`,
    'Slack webhook URL': `https://hooks.slack.com/services/T${s(UPPER + DIGITS, 10)}/B${s(UPPER + DIGITS, 10)}/${s(ALNUM, 24)}`,
    'Google API key': `AIzaSy${s(URL_SAFE, 33)}`,
    'Google OAuth client secret': `GOCSPX-${s(URL_SAFE, 28)}`,
    'AWS access key ID': `AKIA${s('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`,
    'OpenAI API key': `sk-proj-${s(URL_SAFE, 74)}T3BlbkFJ${s(URL_SAFE, 74)}`,
    'OpenAI legacy API key': `sk-${s(ALNUM, 20)}T3BlbkFJ${s(ALNUM, 20)}`,
    'Anthropic API key': `sk-ant-api03-${s(URL_SAFE, 93)}AA`,
    'Hugging Face token': `hf_${s(UPPER + LOWER, 34)}`,
    'SendGrid API key': `SG.${s(URL_SAFE, 22)}.${s(URL_SAFE, 43)}`,
    'Discord webhook URL': `https://discord.com/api/webhooks/${s(DIGITS, 19)}/${s(URL_SAFE, 68)}`,
    'Microsoft Teams webhook URL': `https://contoso.webhook.office.com/webhookb2/${uuid()}@${uuid()}/IncomingWebhook/${hex(32)}/${uuid()}`,
    'Telegram bot token': `${s(DIGITS, 10)}:AA${s(URL_SAFE, 33)}`,
    'Azure AD client secret': `${s(ALNUM, 3)}8Q~${s(`${ALNUM}_~.-`, 34)}`,
    'npm access token': `npm_${s(ALNUM, 36)}`,
    'PyPI API token': `pypi-AgEIcHlwaS5vcmc${s(URL_SAFE, 150)}`,
    'Shopify token': `shpat_${hex(32)}`,
    'Vault service token': `hvs.CAESI${s(URL_SAFE, 90)}`,
    'Vault batch token': `hvb.AAAAAQ${s(URL_SAFE, 150)}`,
    'Databricks token': `dapi${hex(32)}`,
    'Grafana service account token': `glsa_${s(ALNUM, 32)}_${hex(8)}`,
    'Grafana Cloud token': `glc_eyJvIjoi${s(`${ALNUM}+/`, 120)}==`,
    'DigitalOcean token': `dop_v1_${hex(64)}`,
    'Vercel token': `vcp_${s(URL_SAFE, 56)}`,
    'Linear API key': `lin_api_${s(ALNUM, 40)}`,
    'Notion integration token': `ntn_${s(DIGITS, 11)}${s(ALNUM, 35)}`,
    'Doppler token': `dp.pt.${s(ALNUM, 43)}`,
    'Doppler service token for a config': `dp.st.prd.${s(ALNUM, 43)}`,
    'Postman API key': `PMAK-${hex(24)}-${hex(34)}`,
    'Tailscale key': `tskey-auth-k${s(ALNUM, 11)}CNTRL-${s(ALNUM, 33)}`,
    'age secret key': `AGE-SECRET-KEY-1${s('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58)}`,
  };
}

/** One text a token is planted in, and what `redact()` must return for it. */
export interface RecallCase {
  readonly row: string;
  readonly shape:
    'bare' | 'sentence' | 'innocuous key' | 'JSON' | 'natural key';
  readonly token: string;
  readonly text: string;
  readonly expected: string;
}

/** The four shapes of the brief (the innocuous key twice: `note: …` and JSON). */
export function plant(row: TokenFormat, token: string): RecallCase[] {
  const cases: Omit<RecallCase, 'row' | 'token'>[] = [
    { shape: 'bare', text: token, expected: R },
    {
      shape: 'sentence',
      text: `The deploy failed with ${token} in the request.`,
      expected: `The deploy failed with ${R} in the request.`,
    },
    { shape: 'innocuous key', text: `note: ${token}`, expected: `note: ${R}` },
    { shape: 'JSON', text: `{"x":"${token}"}`, expected: `{"x":"${R}"}` },
    ...(row.keys ?? []).map((key) => ({
      shape: 'natural key' as const,
      text: `${key}=${token}`,
      expected: `${key}=${R}`,
    })),
  ];
  return cases.map((c) => ({ ...c, row: row.name, token }));
}

/** `perRow` generated tokens of every row and its hand-written sample, each in every shape. */
export function recallCorpus(perRow = 4, seed = 0x5eed): RecallCase[] {
  const random = seeded(seed);
  const samples = handSamples();
  return TOKEN_FORMATS.flatMap((row) => {
    const tokens = Array.from({ length: perRow }, () =>
      generateToken(row, random),
    );
    const sample = samples[row.name];
    return [...tokens, ...(sample === undefined ? [] : [sample])].flatMap(
      (token) => plant(row, token),
    );
  });
}

/** Text that looks token-ish and must come back exactly as it went in. */
export const PRECISION: readonly (readonly [string, string])[] = [
  ['UUID v1', 'id 6ba7b810-9dad-11d1-80b4-00c04fd430c8 seen'],
  ['UUID v4', 'request f47ac10b-58cc-4372-a567-0e02b2c3d479 failed'],
  ['UUID v7', '{"id":"01890a5d-ac96-774b-bcce-b302099a8057"}'],
  ['ULID', 'order 01ARZ3NDEKTSV4RRFFQ69G5FAV created'],
  ['nanoid', 'short link V1StGXR8_Z5jdHi6B-myT'],
  ['Mongo ObjectId', 'user 507f1f77bcf86cd799439011 not found'],
  ['git SHA', 'commit 3f786850e387550fdab836ed7e6dc881de23001b'],
  [
    'SHA-256',
    'sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  ],
  [
    'integrity string',
    '"integrity": "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg=="',
  ],
  ['semver', 'upgraded from 1.2.3-beta.4+build.567 to 2.0.0'],
  ['ISO date', 'at 2024-11-22T10:00:00.000Z and 2024-11-22'],
  ['sk-learn', 'pip install sk-learn scikit-learn sk-learn-contrib'],
  ['hf_transfer', 'HF_HUB_ENABLE_HF_TRANSFER=1 needs hf_transfer installed'],
  ['npm_config_cache', 'npm_config_cache=/tmp/.npm npm_config_registry set'],
  ['glc_ alone', 'the glc_ prefix marks Grafana Cloud tokens'],
  ['dapi in prose', 'the dapi prefix and the Databricks dapi docs'],
  ['PMAK alone', 'Postman keys start with PMAK and a dash'],
  ['tskey alone', 'pass tskey to tailscale up, or a tskey-auth key'],
  ['snake_case names', 'ghp_helper, sk_live_mode, npm_token_path, hf_home_dir'],
  ['Q~ in prose', 'a Q~ sign and 8Q~ alone'],
  ['bot ids in prose', 'bot 12345:Alpha and 12345:A'],
  ['hostnames', 'hooks.slack.com and discord.com/api/users/@me'],
  ['AKIA glued', 'xAKIAIOSFODNN7EXAMPLEx and AKIAIOSFODNN7EXAMP'],
  ['xox words', 'xoxo- kisses and xoxb- alone'],
  ['vault words', 'hvs. and hvb. prefixes'],
  ['dp words', 'dp.pt. is the Doppler personal token prefix'],
  ['base64 blob', 'payload SGVsbG8sIFdvcmxkIQ== and aGVsbG8gd29ybGQ='],
];
