import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const FIXTURE = fileURLToPath(
  new URL('./fixtures/default-format.mjs', import.meta.url),
);
// util-linux's script(1) runs a command on a pseudo-terminal: stdout is then a real TTY.
const SCRIPT = '/usr/bin/script';
// oxlint-disable-next-line no-control-regex -- an ANSI escape is what is looked for
const ANSI = /\u001b\[/;

function run(terminal: boolean, env: Record<string, string>): Promise<string> {
  const command = terminal
    ? [SCRIPT, '-qec', `"${process.execPath}" "${FIXTURE}"`, '/dev/null']
    : [process.execPath, FIXTURE];
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), {
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        NODE_ENV: '',
        NO_COLOR: '',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += String(chunk)));
    child.on('error', reject);
    child.on('close', () => resolve(out.replace(/\r\n/g, '\n')));
  });
}

describe.skipIf(!existsSync(SCRIPT))(
  'the default format, seen from the process that writes it',
  () => {
    it('is JSON lines when stdout is not a terminal (a pipe, a container log, CI)', async () => {
      const out = await run(false, {});
      const lines = out.trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(JSON.parse(lines[0]!)).toMatchObject({
        level: 'info',
        message: 'ready, password=[REDACTED]',
      });
      expect(JSON.parse(lines[1]!).error.stack).toMatch(
        /^Error: disk full\n {4}at /,
      );
    });

    it('is readable and coloured on a terminal: level, context, message, then the stack as indented lines', async () => {
      const out = await run(true, {});
      expect(out).toMatch(ANSI);
      // oxlint-disable-next-line no-control-regex -- stripping the colours to read the text
      const text = out.replace(/\u001b\[[0-9;]*m/g, '');
      const lines = text.trim().split('\n');
      expect(lines[0]).toMatch(
        /^\d{4}-\d\d-\d\dT\S+Z INFO {4}\[Boot\] ready, password=\[REDACTED\]$/,
      );
      expect(lines[1]).toMatch(
        /^\S+Z ERROR {3}\[Orders\] order failed \{"orderId":7\}$/,
      );
      expect(lines[2]).toBe('    Error: disk full');
      expect(lines[3]).toMatch(/^ {8}at /);
      expect(out).toContain('\u001b[31mERROR');
    });

    it('has no colour on a terminal when NO_COLOR is set', async () => {
      const out = await run(true, { NO_COLOR: '1' });
      expect(out).not.toMatch(ANSI);
      expect(out).toMatch(/ INFO {4}\[Boot\] ready/);
    });

    it('stays JSON on a terminal when NODE_ENV is production', async () => {
      const out = await run(true, { NODE_ENV: 'production' });
      expect(out).not.toMatch(ANSI);
      expect(JSON.parse(out.trim().split('\n')[0]!)).toMatchObject({
        context: 'Boot',
      });
    });
  },
);
