import { Writable } from 'node:stream';
import request from 'supertest';
import winston from 'winston';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOpaque500 } from '../utils/assertions.js';
import { bootApp, PLATFORMS, type Platform } from '../utils/boot.js';
import { fixtureModule } from '../app/fixture.module.js';
import type { SafeErrorsModuleOptions } from 'nestjs-safe-errors';

// Every character some reader takes as the end of a line or a terminal obeys (CWE-117).
const BREAKERS: [string, string][] = [
  ['LF', '\n'],
  ['CR', '\r'],
  ['VT', '\u000b'],
  ['FF', '\u000c'],
  ['ESC', '\u001b'],
  ['DEL', '\u007f'],
  ['NEL (C1)', '\u0085'],
  ['CSI (C1)', '\u009b'],
  ['LINE SEPARATOR', '\u2028'],
  ['PARAGRAPH SEPARATOR', '\u2029'],
];
// oxlint-disable-next-line no-control-regex -- the test looks for raw control characters
const RAW = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const forgedRecord = (c: string) =>
  `x${c}INFO [Auth] reset approved${c}{"level":"info"}`;

/** Everything a transport wrote, as raw text, so a raw character cannot hide in a parsed line. */
function rawCapture(): { text: () => string; stream: Writable } {
  let text = '';
  const stream = new Writable({
    decodeStrings: false,
    write(chunk: unknown, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { text: () => text, stream };
}

type Setup = [
  string,
  () => {
    options: SafeErrorsModuleOptions;
    text: () => string;
    /** The entry may go on over indented lines (the pretty format's stack). */
    multiline?: boolean;
  },
];

const SETUPS: Setup[] = [
  [
    "the library's json format",
    () => {
      const out = rawCapture();
      return {
        options: {
          logger: {
            transports: [new winston.transports.Stream({ stream: out.stream })],
          },
        },
        text: out.text,
      };
    },
  ],
  [
    "the library's pretty format",
    () => {
      const out = rawCapture();
      return {
        options: {
          logger: {
            format: 'pretty',
            transports: [new winston.transports.Stream({ stream: out.stream })],
          },
        },
        text: out.text,
        multiline: true,
      };
    },
  ],
  [
    "a logger.instance with the user's format.simple()",
    () => {
      const out = rawCapture();
      const instance = winston.createLogger({
        format: winston.format.simple(),
        transports: [new winston.transports.Stream({ stream: out.stream })],
      });
      return { options: { logger: { instance } }, text: out.text };
    },
  ],
  [
    "a transport with the user's own format.printf()",
    () => {
      const out = rawCapture();
      const transport = new winston.transports.Stream({
        stream: out.stream,
        // Prints a nested field raw, as many hand-written formats do.
        format: winston.format.printf(
          (info) =>
            `${String(info.level)} ${String(info.requestId)} ${String((info.error as { message?: unknown } | undefined)?.message)}`,
        ),
      });
      return {
        options: { logger: { transports: [transport] } },
        text: out.text,
      };
    },
  ],
];

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 20));
}

describe.each(PLATFORMS)(
  'no text of a request can split a log line (%s)',
  (platform: Platform) => {
    describe.each(SETUPS)('through %s', (_name, setup) => {
      let out: ReturnType<Setup[1]>;
      let app: Awaited<ReturnType<typeof bootApp>>;

      beforeAll(async () => {
        out = setup();
        app = await bootApp(
          { imports: [fixtureModule(out.options)] },
          { platform },
        );
      });
      afterAll(() => app.close());

      it.each(BREAKERS)(
        '%s in the failure message is written escaped, in one entry',
        async (_label, c) => {
          const before = out.text().length;
          const res = await request(app.getHttpServer()).get(
            `/fail/echo/${encodeURIComponent(forgedRecord(c))}`,
          );
          const requestId = expectOpaque500(res);
          await settle();
          const written = out.text().slice(before);
          expect(written.endsWith('\n')).toBe(true);
          const body = written.slice(0, -1);
          const [first, ...more] = body.split('\n');
          for (const line of [first!, ...more]) expect(line).not.toMatch(RAW);
          // Only the pretty format's stack goes on, and only over indented lines: none passes for an entry.
          if (!out.multiline) expect(more).toEqual([]);
          for (const line of more) expect(line).toMatch(/^ {4,}\S/);
          // One record: the forged text is inside the failure's entry, which carries the request's ID.
          expect(body).toContain('reset approved');
          expect(first).toContain(requestId);
          expect(body).not.toMatch(/^\{"level":"info"\}/m);
        },
      );
    });
  },
);

describe('the json format round-trips what it escapes', () => {
  it.each(BREAKERS)('%s reads back as itself', async (_label, c) => {
    const out = rawCapture();
    const app = await bootApp(
      {
        imports: [
          fixtureModule({
            logger: {
              transports: [
                new winston.transports.Stream({ stream: out.stream }),
              ],
            },
          }),
        ],
      },
      { platform: 'express' },
    );
    try {
      const res = await request(app.getHttpServer()).get(
        `/fail/echo/${encodeURIComponent(`a${c}b`)}`,
      );
      expectOpaque500(res);
      await settle();
      const record = JSON.parse(out.text().trim()) as {
        error: { message: string };
      };
      expect(record.error.message).toBe(`cannot handle a${c}b`);
    } finally {
      await app.close();
    }
  });
});
