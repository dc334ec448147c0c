import { describe, expect, it, vi } from 'vitest';
import { RedactingLogger, type RedactOptions } from 'nestjs-safe-errors';
import { MemoryTransport } from '../utils/memory.transport.js';

// Tests written for mutants that survived the rest of the suite: custom keys with replaceDefaults, as a
// RedactingLogger applies them to the message text. Each line is compared whole.

const R = '[REDACTED]';
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Logs `write` with a fresh logger and returns the one line it wrote, parsed, after checking it is exactly that JSON. */
async function oneLine(
  redact: RedactOptions,
  write: (logger: RedactingLogger) => void,
): Promise<Record<string, unknown>> {
  const t = new MemoryTransport();
  const logger = new RedactingLogger({ redact, transports: [t] });
  write(logger);
  await vi.waitFor(() => expect(t.lines).toHaveLength(1));
  const [line] = t.lines;
  const record = JSON.parse(line!) as Record<string, unknown>;
  expect(record.timestamp).toMatch(ISO_TIME);
  // Nothing else is on the line: the parsed record, written back, is the line itself.
  expect(JSON.stringify(record)).toBe(line);
  await logger.close();
  return record;
}

describe('RedactingLogger with replaceDefaults and custom keys', () => {
  it.each<[string, RedactOptions['keys']]>([
    ['one string and one RegExp', ['pin', /^otp$/]],
    ['only strings', ['pin', 'otp']],
    ['only RegExps', [/^pin$/, /^otp$/]],
    ['two strings and one RegExp', ['pin', 'otp', /^cvn$/]],
  ])('censors key=value in the message text (%s)', async (_what, keys) => {
    const record = await oneLine({ replaceDefaults: true, keys }, (logger) =>
      logger.log('pin=1234 ok'),
    );
    expect(record).toEqual({
      level: 'info',
      message: `pin=${R} ok`,
      timestamp: record.timestamp,
    });
  });

  it('censors the custom keys, and only those, in the message and the fields', async () => {
    const record = await oneLine(
      { replaceDefaults: true, keys: ['pin', /^otp$/] },
      (logger) =>
        logger.warn('otp=998877 password=hunter2', {
          pin: '1234',
          otp: '5678',
          password: 'hunter2',
          note: 'pin=4321 kept apart',
        }),
    );
    expect(record).toEqual({
      level: 'warn',
      message: `otp=${R} password=hunter2`,
      timestamp: record.timestamp,
      pin: R,
      otp: R,
      password: 'hunter2',
      note: `pin=${R} kept apart`,
    });
  });

  it('without keys, replaceDefaults writes the message text as it is', async () => {
    const record = await oneLine({ replaceDefaults: true }, (logger) =>
      logger.log('pin=1234 password=hunter2'),
    );
    expect(record).toEqual({
      level: 'info',
      message: 'pin=1234 password=hunter2',
      timestamp: record.timestamp,
    });
  });
});
