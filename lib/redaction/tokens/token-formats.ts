import type { Alphabet, TokenFormat } from './token-format.interfaces.js';

// Alphabets, as regex classes without brackets.
const ALNUM: Alphabet = 'A-Za-z0-9';
const WORD: Alphabet = 'A-Za-z0-9_';
const URL_SAFE: Alphabet = 'A-Za-z0-9_-';
const DASHED: Alphabet = 'A-Za-z0-9-';
const UPPER_ALNUM: Alphabet = 'A-Z0-9';
const HEX: Alphabet = '0-9a-f';
const ANY_HEX: Alphabet = '0-9A-Fa-f';
const DIGITS: Alphabet = '0-9';
const BASE64: Alphabet = 'A-Za-z0-9+/=';
// Bech32's 32 characters, upper case (age keys are written so).
const BECH32_UPPER: Alphabet = 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L';

const WEB = ['https://', 'http://'];

function isDigitAt(text: string, index: number): boolean {
  const c = text.charCodeAt(index);
  return c >= 0x30 && c <= 0x39;
}

/**
 * @internal Token formats that announce themselves, one row each. The facts (prefixes, alphabets,
 * lengths) come from the vendors' documentation and public rule sets (gitleaks' default config, the
 * kingfisher rules); the rows are written here. A new format is one row here and one line in
 * `handSamples()` of `test/redaction/token-corpus.ts`.
 */
export const TOKEN_FORMATS: readonly TokenFormat[] = Object.freeze([
  // --- GitHub: `gh?_` + base62 with a CRC32 tail; app installation tokens may hold inner `_`s.
  {
    family: 'GitHub',
    name: 'GitHub token',
    prefixes: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    body: [{ chars: WORD, length: [30, 255] }],
    keys: ['GITHUB_TOKEN', 'GH_TOKEN'],
  },
  {
    family: 'GitHub',
    name: 'GitHub fine-grained personal access token',
    prefixes: ['github_pat_'],
    body: [{ chars: WORD, length: [22, 255] }],
    keys: ['GITHUB_PAT'],
  },
  // --- GitLab: `gl…-` prefixes (GitLab's token-prefix docs); routable tokens end in `.xx…`, taken as glue.
  {
    family: 'GitLab',
    name: 'GitLab access token',
    prefixes: [
      'glpat-',
      'gldt-',
      'glrt-',
      'glsoat-',
      'glcbt-',
      'glft-',
      'glimt-',
      'glagent-',
      'gloas-',
      'glffct-',
    ],
    body: [{ chars: URL_SAFE, length: [20, 300] }],
    keys: ['GITLAB_TOKEN', 'CI_JOB_TOKEN'],
  },
  {
    family: 'GitLab',
    name: 'GitLab pipeline trigger token',
    prefixes: ['glptt-'],
    body: [{ chars: HEX, length: 40 }],
    keys: ['GITLAB_TRIGGER_TOKEN'],
  },
  {
    family: 'GitLab',
    name: 'GitLab runner registration token',
    prefixes: ['GR1348941'],
    body: [{ chars: URL_SAFE, length: 20 }],
    keys: ['REGISTRATION_TOKEN'],
  },
  // --- Stripe: secret and restricted keys.
  {
    family: 'Stripe',
    name: 'Stripe secret key',
    prefixes: ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_'],
    body: [{ chars: ALNUM, length: [10, 247] }],
    keys: ['STRIPE_SECRET_KEY'],
  },
  // --- Slack: tokens, and incoming-webhook URLs (the URL is the secret).
  {
    family: 'Slack',
    name: 'Slack token',
    prefixes: [
      'xoxa-',
      'xoxb-',
      'xoxo-',
      'xoxp-',
      'xoxr-',
      'xoxs-',
      'xoxe-',
      'xoxe.xoxb-',
      'xoxe.xoxp-',
    ],
    body: [{ chars: DASHED, length: [10, 250] }],
    keys: ['SLACK_BOT_TOKEN', 'SLACK_USER_TOKEN'],
  },
  {
    family: 'Slack',
    name: 'Slack app-level token',
    prefixes: ['xapp-'],
    body: [{ chars: DASHED, length: [10, 250] }],
    keys: ['SLACK_APP_TOKEN'],
  },
  {
    family: 'Slack',
    name: 'Slack webhook URL',
    prefixes: [
      'hooks.slack.com/services/',
      'hooks.slack.com/workflows/',
      'hooks.slack.com/triggers/',
    ],
    leads: WEB,
    body: [{ chars: 'A-Za-z0-9/', length: [40, 120] }],
    keys: ['SLACK_WEBHOOK_URL'],
  },
  // --- Google: API keys and OAuth client secrets.
  {
    family: 'Google',
    name: 'Google API key',
    prefixes: ['AIza'],
    body: [{ chars: URL_SAFE, length: 35 }],
    keys: ['GOOGLE_API_KEY'],
  },
  {
    family: 'Google',
    name: 'Google OAuth client secret',
    prefixes: ['GOCSPX-'],
    body: [{ chars: URL_SAFE, length: 28 }],
    keys: ['GOOGLE_CLIENT_SECRET'],
  },
  // --- AWS access key IDs (long-term, temporary, and the rarer kinds); found by the aws-key detector.
  {
    family: 'AWS',
    name: 'AWS access key ID',
    prefixes: ['AKIA', 'ASIA', 'ABIA', 'ACCA'],
    body: [{ chars: UPPER_ALNUM, length: 16 }],
    keys: ['AWS_ACCESS_KEY_ID'],
  },
  // --- OpenAI: project, service-account and admin keys; legacy keys hold "OpenAI" in base64 (T3BlbkFJ).
  {
    family: 'OpenAI',
    name: 'OpenAI API key',
    prefixes: ['sk-proj-', 'sk-svcacct-', 'sk-admin-', 'sk-None-'],
    body: [{ chars: URL_SAFE, length: [40, 250] }],
    keys: ['OPENAI_API_KEY'],
  },
  {
    family: 'OpenAI',
    name: 'OpenAI legacy API key',
    prefixes: ['sk-'],
    body: [
      { chars: ALNUM, length: 20 },
      'T3BlbkFJ',
      { chars: ALNUM, length: 20 },
    ],
    keys: ['OPENAI_API_KEY'],
  },
  // --- Anthropic: 93 characters and a closing `AA`.
  {
    family: 'Anthropic',
    name: 'Anthropic API key',
    prefixes: ['sk-ant-api03-', 'sk-ant-admin01-'],
    body: [{ chars: URL_SAFE, length: 93 }, 'AA'],
    keys: ['ANTHROPIC_API_KEY'],
  },
  // --- Hugging Face: user and (legacy) organisation tokens.
  {
    family: 'Hugging Face',
    name: 'Hugging Face token',
    prefixes: ['hf_', 'api_org_'],
    body: [{ chars: ALNUM, length: 34 }],
    keys: ['HF_TOKEN', 'HUGGING_FACE_HUB_TOKEN'],
  },
  // --- SendGrid: `SG.` + 22-character ID + `.` + 43-character secret.
  {
    family: 'SendGrid',
    name: 'SendGrid API key',
    prefixes: ['SG.'],
    body: [
      { chars: URL_SAFE, length: 22 },
      '.',
      { chars: URL_SAFE, length: 43 },
    ],
    keys: ['SENDGRID_API_KEY'],
  },
  // --- Discord and Microsoft Teams webhook URLs.
  {
    family: 'Discord',
    name: 'Discord webhook URL',
    prefixes: [
      'discord.com/api/webhooks/',
      'discordapp.com/api/webhooks/',
      'discord.com/api/v10/webhooks/',
      'discord.com/api/v9/webhooks/',
    ],
    leads: [
      ...WEB,
      'https://ptb.',
      'https://canary.',
      'https://www.',
      'ptb.',
      'canary.',
    ],
    body: [
      { chars: DIGITS, length: [17, 20] },
      '/',
      { chars: URL_SAFE, length: [60, 80] },
    ],
    keys: ['DISCORD_WEBHOOK_URL'],
  },
  {
    family: 'Microsoft',
    name: 'Microsoft Teams webhook URL',
    prefixes: ['.webhook.office.com/webhookb2/', 'outlook.office.com/webhook/'],
    leads: WEB,
    // The tenant's subdomain; host names are read in any case.
    before: { chars: 'A-Za-z0-9-', length: [0, 63] },
    body: [{ chars: 'A-Za-z0-9@/_-', length: [80, 400] }],
    check: (token) => token.includes('@'),
    keys: ['TEAMS_WEBHOOK_URL'],
  },
  // --- Telegram bot tokens: `<bot id>:A<34>`, bare or as `bot<id>:<token>` in api.telegram.org URLs.
  {
    family: 'Telegram',
    name: 'Telegram bot token',
    prefixes: [':A'],
    leads: ['bot'],
    before: { chars: DIGITS, length: [5, 16] },
    body: [{ chars: URL_SAFE, length: 34 }],
    keys: ['TELEGRAM_BOT_TOKEN'],
  },
  // --- Azure AD (Entra) client secrets: three characters, a digit, `Q~`, 31–34 more.
  {
    family: 'Microsoft',
    name: 'Azure AD client secret',
    prefixes: ['Q~'],
    before: { chars: 'A-Za-z0-9_~.', length: 4 },
    body: [{ chars: 'A-Za-z0-9_~.-', length: [31, 34] }],
    check: (token) => isDigitAt(token, 3),
    keys: ['AZURE_CLIENT_SECRET'],
  },
  // --- Package registries.
  {
    family: 'npm',
    name: 'npm access token',
    prefixes: ['npm_'],
    body: [{ chars: ALNUM, length: 36 }],
    keys: ['NPM_TOKEN'],
  },
  {
    family: 'PyPI',
    name: 'PyPI API token',
    // A macaroon whose location is "pypi.org", so every token starts alike.
    prefixes: ['pypi-AgEIcHlwaS5vcmc'],
    body: [{ chars: URL_SAFE, length: [50, 2000] }],
    keys: ['PYPI_TOKEN', 'TWINE_PASSWORD'],
  },
  // --- Shopify: access tokens and shared secrets, 32 hex digits.
  {
    family: 'Shopify',
    name: 'Shopify token',
    prefixes: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    body: [{ chars: ANY_HEX, length: 32 }],
    keys: ['SHOPIFY_ACCESS_TOKEN'],
  },
  // --- HashiCorp Vault: service and batch tokens.
  {
    family: 'HashiCorp Vault',
    name: 'Vault service token',
    prefixes: ['hvs.'],
    body: [{ chars: URL_SAFE, length: [90, 120] }],
    keys: ['VAULT_TOKEN'],
  },
  {
    family: 'HashiCorp Vault',
    name: 'Vault batch token',
    prefixes: ['hvb.'],
    body: [{ chars: URL_SAFE, length: [138, 300] }],
    keys: ['VAULT_TOKEN'],
  },
  // --- Databricks personal access tokens (sometimes with a `-<digit>` tail, taken as glue).
  {
    family: 'Databricks',
    name: 'Databricks token',
    prefixes: ['dapi'],
    body: [{ chars: HEX, length: 32 }],
    keys: ['DATABRICKS_TOKEN'],
  },
  // --- Grafana: service-account tokens and Grafana Cloud tokens.
  {
    family: 'Grafana',
    name: 'Grafana service account token',
    prefixes: ['glsa_'],
    body: [{ chars: ALNUM, length: 32 }, '_', { chars: ANY_HEX, length: 8 }],
    keys: ['GRAFANA_TOKEN'],
  },
  {
    family: 'Grafana',
    name: 'Grafana Cloud token',
    prefixes: ['glc_'],
    body: [{ chars: BASE64, length: [32, 400] }],
    keys: ['GRAFANA_CLOUD_TOKEN'],
  },
  // --- DigitalOcean: personal, OAuth access and refresh tokens.
  {
    family: 'DigitalOcean',
    name: 'DigitalOcean token',
    prefixes: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
    body: [{ chars: HEX, length: 64 }],
    keys: ['DIGITALOCEAN_TOKEN'],
  },
  // --- Vercel: personal, integration, app access/refresh tokens and API keys.
  {
    family: 'Vercel',
    name: 'Vercel token',
    prefixes: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
    body: [{ chars: URL_SAFE, length: [50, 60] }],
    keys: ['VERCEL_TOKEN'],
  },
  // --- Linear, Notion, Doppler, Postman, Tailscale.
  {
    family: 'Linear',
    name: 'Linear API key',
    prefixes: ['lin_api_'],
    body: [{ chars: ALNUM, length: 40 }],
    keys: ['LINEAR_API_KEY'],
  },
  {
    family: 'Notion',
    name: 'Notion integration token',
    prefixes: ['ntn_'],
    body: [
      { chars: DIGITS, length: 11 },
      { chars: ALNUM, length: 35 },
    ],
    keys: ['NOTION_TOKEN'],
  },
  {
    family: 'Doppler',
    name: 'Doppler token',
    prefixes: ['dp.pt.', 'dp.st.', 'dp.ct.', 'dp.sa.', 'dp.scim.', 'dp.audit.'],
    body: [{ chars: ALNUM, length: [40, 44] }],
    keys: ['DOPPLER_TOKEN'],
  },
  {
    family: 'Doppler',
    name: 'Doppler service token for a config',
    prefixes: ['dp.st.'],
    body: [
      { chars: 'a-z0-9_-', length: [1, 40] },
      '.',
      { chars: ALNUM, length: [40, 44] },
    ],
    keys: ['DOPPLER_TOKEN'],
  },
  {
    family: 'Postman',
    name: 'Postman API key',
    prefixes: ['PMAK-'],
    body: [{ chars: ANY_HEX, length: 24 }, '-', { chars: ANY_HEX, length: 34 }],
    keys: ['POSTMAN_API_KEY'],
  },
  {
    family: 'Tailscale',
    name: 'Tailscale key',
    prefixes: [
      'tskey-auth-',
      'tskey-api-',
      'tskey-client-',
      'tskey-scim-',
      'tskey-webhook-',
    ],
    body: [
      { chars: ALNUM, length: [6, 40] },
      '-',
      { chars: ALNUM, length: [20, 80] },
    ],
    keys: ['TS_AUTHKEY', 'TAILSCALE_API_KEY'],
  },
  // --- age (file encryption) secret keys: Bech32, upper case.
  {
    family: 'age',
    name: 'age secret key',
    prefixes: ['AGE-SECRET-KEY-1'],
    body: [{ chars: BECH32_UPPER, length: 58 }],
    keys: ['SOPS_AGE_KEY'],
  },
] satisfies TokenFormat[]);
