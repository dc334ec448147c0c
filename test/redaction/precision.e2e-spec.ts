import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import 'reflect-metadata';
import {
  Controller,
  Get,
  Injectable,
  Module,
  Param,
  type LoggerService,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redact } from '../../lib/redaction/redact.js';
import { seeded, type Random } from './token-corpus.js';

// Real framework output: the log lines and stacks of a Nest app booted here, and Nest's own messages.
class CaptureLogger implements LoggerService {
  readonly lines: string[] = [];
  private add(message: unknown, rest: unknown[]): void {
    this.lines.push([message, ...rest].map(String).join(' '));
  }
  log(message: unknown, ...rest: unknown[]): void {
    this.add(message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.add(message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.add(message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.add(message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.add(message, rest);
  }
}

@Injectable()
class TokenService {
  parse(raw: string): unknown {
    return JSON.parse(raw);
  }
}

@Controller('users')
class UsersController {
  constructor(private readonly tokens: TokenService) {}
  @Get(':id/sessions/:sessionId')
  find(@Param('id') id: string): unknown {
    return this.tokens.parse(id);
  }
  @Get('password-reset')
  reset(): string {
    return 'ok';
  }
}

@Module({ controllers: [UsersController], providers: [TokenService] })
class UsersModule {}

@Injectable()
class NeedsMissing {
  constructor(readonly tokens: TokenService) {}
}

@Module({ providers: [NeedsMissing] })
class BrokenModule {}

const nestOutput: string[] = [];

beforeAll(async () => {
  const logger = new CaptureLogger();
  const app = await NestFactory.create(UsersModule, { logger });
  await app.init();
  try {
    app.get(UsersController).find('{"password" oops');
  } catch (error) {
    nestOutput.push(String((error as Error).stack));
  }
  await app.close();
  try {
    await NestFactory.create(BrokenModule, {
      logger: false,
      abortOnError: false,
    });
  } catch (error) {
    nestOutput.push(String((error as Error).stack));
  }
  nestOutput.push(...logger.lines);
});

afterAll(() => {
  nestOutput.length = 0;
});

describe('precision: real Nest output comes back unchanged', () => {
  it('boot logs, route maps, a JSON.parse stack through Nest, a dependency error', () => {
    expect(nestOutput.join('\n')).toMatch(
      /Mapped \{\/users\/:id\/sessions\/:sessionId, GET\} route/,
    );
    expect(nestOutput.join('\n')).toMatch(
      /Nest can't resolve dependencies of the NeedsMissing/,
    );
    expect(nestOutput.join('\n')).toMatch(/node_modules\/@nestjs\/core/);
    for (const text of nestOutput) {
      expect(redact(text)).toBe(text);
      for (const line of text.split('\n')) expect(redact(line)).toBe(line);
    }
  });
});

// Machine values, generated from their formats.
function hex(random: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(random() * 16).toString(16);
  return s;
}
function pick(random: Random, alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++)
    s += alphabet[Math.floor(random() * alphabet.length)];
  return s;
}
function uuid(random: Random, version: string): string {
  const h = hex(random, 32);
  const variant = '89ab'[Math.floor(random() * 4)];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${version}${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
}
function ean13(random: Random, first: string): string {
  let digits = first + pick(random, '0123456789', 11);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits[i]) * (i % 2 === 0 ? 1 : 3);
  digits += String((10 - (sum % 10)) % 10);
  return digits;
}
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const URL_SAFE =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

const GENERATORS: readonly (readonly [string, (random: Random) => string])[] = [
  ['UUID v1', (r) => uuid(r, '1')],
  ['UUID v4', (r) => uuid(r, '4')],
  ['UUID v7', (r) => uuid(r, '7')],
  ['ULID', (r) => pick(r, '01234567', 1) + pick(r, CROCKFORD, 25)],
  ['nanoid', (r) => pick(r, URL_SAFE, 21)],
  ['ObjectId', (r) => hex(r, 24)],
  ['git SHA', (r) => hex(r, 40)],
  ['SHA-256', (r) => createHash('sha256').update(hex(r, 8)).digest('hex')],
  [
    'integrity',
    (r) => `sha512-${createHash('sha512').update(hex(r, 8)).digest('base64')}`,
  ],
  ['ISO date', (r) => new Date(Math.floor(r() * 4e12)).toISOString()],
  ['epoch ms', (r) => String(1e12 + Math.floor(r() * 9e11))],
  ['epoch s', (r) => String(1e9 + Math.floor(r() * 9e8))],
  ['EAN-13 starting with 4', (r) => ean13(r, '4')],
  ['EAN-13', (r) => ean13(r, pick(r, '0123456789', 1))],
  [
    'semver',
    (r) =>
      `${Math.floor(r() * 30)}.${Math.floor(r() * 30)}.${Math.floor(r() * 99)}-rc.${Math.floor(r() * 9)}`,
  ],
  [
    'URL',
    (r) =>
      `https://api.example.org/v2/orders/${hex(r, 8)}?page=${Math.floor(r() * 9)}&sort=createdAt`,
  ],
];

describe('precision: machine values come back unchanged, bare, in a sentence and in JSON', () => {
  it.each(GENERATORS)('%s (200 generated)', (_name, generate) => {
    const random = seeded(0xc0ffee);
    for (let i = 0; i < 200; i++) {
      const value = generate(random);
      for (const text of [
        value,
        `request ${value} failed`,
        `{"id":"${value}","n":1}`,
      ]) {
        expect(redact(text)).toBe(text);
      }
      expect(redact({ id: value, ref: value })).toEqual({
        id: value,
        ref: value,
      });
    }
  });
});

// Public documentation: Nest's package READMEs, Fastify's docs and winston's README, line by line, as
// installed by the lockfile. The lines that change are the ones whose example holds a credential.
const NODE_MODULES = fileURLToPath(
  new URL('../../node_modules/', import.meta.url),
);
function packageDir(name: string): string {
  return join(NODE_MODULES, name);
}
function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(dir, f))
    .sort();
}

const NEST_PACKAGES = [
  'common',
  'core',
  'microservices',
  'platform-express',
  'platform-fastify',
  'testing',
  'websockets',
];

const DOCS = [
  ...NEST_PACKAGES.map((p) => join(packageDir(`@nestjs/${p}`), 'Readme.md')),
  ...markdownFiles(join(packageDir('fastify'), 'docs')),
  join(packageDir('winston'), 'README.md'),
];

// [file, a fragment of the line]: an example credential written in the docs, censored on purpose.
const EXPECTED_CHANGES: readonly (readonly [string, string])[] = [
  ...NEST_PACKAGES.map(
    (p) => [`@nestjs/${p}/Readme.md`, '?token=abc123def456'] as const,
  ),
  ['Guides/Database.md', "password: 'example'"],
  ['Guides/Database.md', "connectionString: 'mysql://root@localhost/mysql'"],
  [
    'Guides/Database.md',
    "connectionString: 'postgres://postgres@localhost/postgres'",
  ],
  ['Reference/Encapsulation.md', "authorization: Bearer abc123'"],
  ['Reference/Routes.md', "secretToken === 'abc.zHi'"],
  ['Reference/Server.md', "secret: 'my-secret'"],
  ['Reference/TypeScript.md', 'password=Password123!'],
];

describe('precision: public documentation', () => {
  it('changes only the lines holding an example credential, and only that credential', () => {
    let lines = 0;
    const changed: [string, string][] = [];
    for (const file of DOCS) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        lines++;
        const out = redact(line) as string;
        if (out === line) continue;
        changed.push([relative(NODE_MODULES, file), line]);
        // What changed is one censored stretch or more; the text before the first stays.
        expect(out).toContain('[REDACTED]');
        expect(line.startsWith(out.slice(0, out.indexOf('[REDACTED]')))).toBe(
          true,
        );
      }
    }
    expect(lines).toBeGreaterThan(15_000);
    expect(changed.length).toBe(EXPECTED_CHANGES.length);
    for (const [file, fragment] of EXPECTED_CHANGES) {
      expect(
        changed.some(
          ([f, line]) => f.endsWith(file) && line.includes(fragment),
        ),
      ).toBe(true);
    }
  });
});
