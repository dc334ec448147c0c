import { createServer, type Server } from 'node:http';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findLeaks,
  LEAK_KINDS,
  type LeakFinding,
  type ResponseLike,
} from 'nestjs-safe-errors/testing';
import { CLEAN_CORPUS } from './clean-corpus.js';
import { LEAKY_CORPUS } from './leaky-corpus.js';

function summary(findings: readonly LeakFinding[]): string[] {
  return findings.map((f) => `${f.kind} in ${f.where}`).sort();
}

function kinds(response: ResponseLike): string[] {
  return summary(findLeaks(response));
}

describe('findLeaks: leaky corpus', () => {
  it('has at least three samples of every kind', () => {
    const perKind = new Map<string, number>();
    for (const sample of LEAKY_CORPUS) {
      for (const kind of new Set(
        sample.expected.map((e) => e.split(' in ')[0]!),
      )) {
        perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
      }
    }
    expect([...perKind.keys()].sort()).toEqual([...LEAK_KINDS].sort());
    for (const [kind, n] of perKind) expect(n, kind).toBeGreaterThanOrEqual(3);
  });

  it.each(LEAKY_CORPUS.map((s) => [s.name, s] as const))(
    '%s',
    (_name, sample) => {
      const findings = findLeaks(sample.response, sample.options);
      expect(summary(findings)).toEqual([...sample.expected].sort());
      for (const finding of findings) {
        expect(finding.evidence.length).toBeLessThanOrEqual(120);
        expect(finding.evidence.trim()).not.toBe('');
        for (const secret of sample.secrets ?? [])
          expect(finding.evidence).not.toContain(secret);
      }
    },
  );
});

describe('findLeaks: clean corpus', () => {
  it('has at least 25 samples', () => {
    expect(CLEAN_CORPUS.length).toBeGreaterThanOrEqual(25);
  });

  it.each(CLEAN_CORPUS.map((s) => [s.name, s] as const))(
    '%s',
    (_name, sample) => {
      expect(findLeaks(sample.response)).toEqual([]);
    },
  );
});

describe('findLeaks: headers', () => {
  it.each([
    ['Apache/2.4.57 (Ubuntu)', true],
    ['Microsoft-IIS/10.0', true],
    ['gunicorn/21.2.0', true],
    ['Kestrel 8.0.1', true],
    ['nginx', false],
    ['cloudflare', false],
    ['ECS (dcb/7EA3)', false],
    ['AmazonS3', false],
  ])('Server: %s → banner %s', (server, leaks) => {
    expect(kinds({ headers: { server } })).toEqual(
      leaks ? ['version-banner in header:server'] : [],
    );
  });

  it('reports X-Powered-By whatever its value, X-AspNetMvc-Version too', () => {
    expect(
      kinds({
        headers: { 'X-Powered-By': 'Next.js', 'X-AspNetMvc-Version': '5.2' },
      }),
    ).toEqual([
      'version-banner in header:x-aspnetmvc-version',
      'version-banner in header:x-powered-by',
    ]);
  });

  it("reads fetch's Headers and other [name, value] iterables", () => {
    const headers = new Headers({
      'x-powered-by': 'Express',
      'x-upstream': '10.1.2.3:8080',
    });
    expect(kinds({ status: 200, headers, body: '' })).toEqual([
      'internal-address in header:x-upstream',
      'version-banner in header:x-powered-by',
    ]);
    expect(kinds({ headers: new Map([['server', 'nginx/1.25.3']]) })).toEqual([
      'version-banner in header:server',
    ]);
  });

  it('finds secrets and internals in any header, but not a session in Set-Cookie', () => {
    expect(
      kinds({
        headers: {
          'x-debug-auth': 'Bearer q1Xw9vS3bL0pZ7kE2rT8',
          'x-error': 'QueryFailedError at /srv/api/dist/db.js:12:3',
          'set-cookie': ['connect.sid=s%3Aq1Xw9vS3bL0pZ7kE2rT8; Path=/'],
        },
      }),
    ).toEqual([
      'exception-type in header:x-error',
      'file-path in header:x-error',
      'secret in header:x-debug-auth',
      'stack-trace in header:x-error',
    ]);
  });

  it('lists header findings before body findings, kinds in a fixed order', () => {
    const findings = findLeaks({
      headers: { 'x-powered-by': 'Express' },
      body: 'TypeError: x\n    at f (/app/src/main.ts:1:2)',
    });
    expect(findings.map((f) => `${f.kind} in ${f.where}`)).toEqual([
      'version-banner in header:x-powered-by',
      'stack-trace in body',
      'exception-type in body',
      'file-path in body',
    ]);
  });
});

describe('findLeaks: planted secrets and evidence', () => {
  it('masks a planted secret in the evidence of every other kind too', () => {
    const planted = 'plant-9f8e7d6c';
    const findings = findLeaks(
      {
        body: `QueryFailedError: SELECT * FROM users WHERE id = '${planted}' (/srv/api/db.js)`,
      },
      { secrets: [planted] },
    );
    expect(summary(findings)).toEqual([
      'exception-type in body',
      'file-path in body',
      'planted-secret in body',
      'sql in body',
    ]);
    for (const finding of findings)
      expect(finding.evidence).not.toContain(planted);
    expect(
      findings.find((f) => f.kind === 'planted-secret')!.evidence,
    ).toContain('[REDACTED]');
  });

  it('masks a secret the evidence window cuts in half', () => {
    const jwt = `eyJhbGciOiJIUzI1NiJ9.${'eyJzdWIiOiJ1XzQyIn0'.repeat(12)}.${'c2lnbmF0dXJl'.repeat(6)}`;
    const body = `QueryFailedError: lookup failed for Bearer ${jwt} and more text after it`;
    const findings = findLeaks({ body });
    expect(summary(findings)).toEqual([
      'exception-type in body',
      'secret in body',
    ]);
    for (const finding of findings) {
      for (let i = 0; i + 12 <= jwt.length; i += 6)
        expect(finding.evidence).not.toContain(jwt.slice(i, i + 12));
    }
  });

  it('masks a connection-string password in the evidence of the SQL around it', () => {
    const findings = findLeaks({
      body: JSON.stringify({
        error:
          'SELECT id FROM orders failed on postgres://app:Pa55w0rd-x@db.example.com/shop',
      }),
    });
    const sql = findings.find((f) => f.kind === 'sql')!;
    expect(sql.evidence).toContain('postgres://app:[REDACTED]@');
    expect(findings.map((f) => f.evidence).join('\n')).not.toContain(
      'Pa55w0rd-x',
    );
  });

  it('masks a JSON value the secret detectors found by its key, wherever it shows', () => {
    const findings = findLeaks({
      body: {
        password: 'Tr0ub4dor&3',
        message: 'login failed in /srv/app/auth.js with Tr0ub4dor&3',
      },
    });
    expect(summary(findings)).toEqual(['file-path in body', 'secret in body']);
    for (const finding of findings)
      expect(finding.evidence).not.toContain('Tr0ub4dor&3');
  });

  it('finds and masks secrets anywhere in a long body, across its scanning chunks', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(400);
    const token = `tok_${'Q7w'.repeat(700)}`;
    for (let at = 2000; at < 2100; at += 7) {
      const body = `${filler.slice(0, at)} password=hunter2-long-${at} ${filler.slice(at)} Bearer ${token} TypeError`;
      const findings = findLeaks({ body });
      expect(summary(findings)).toEqual([
        'exception-type in body',
        'secret in body',
      ]);
      const evidence = findings.map((f) => f.evidence).join('\n');
      expect(evidence).not.toContain(`hunter2-long-${at}`);
      expect(evidence).not.toContain('Q7wQ7w');
    }
  });

  it('uses a custom censor', () => {
    const [finding] = findLeaks(
      { body: 'redis://default:hunter22x@cache.example.com:6379' },
      { censor: '***' },
    );
    expect(finding).toEqual({
      kind: 'connection-string',
      where: 'body',
      evidence: 'redis://default:***@cache.example.com:6379',
    });
  });

  it('cuts evidence to 120 characters and one line', () => {
    const [finding] = findLeaks({
      body: `${'x'.repeat(500)}\n\tTypeError: ${'y'.repeat(500)}`,
    });
    expect(finding!.kind).toBe('exception-type');
    expect(finding!.evidence).toHaveLength(120);
    expect(finding!.evidence).toMatch(/^…x+ TypeError: y+…$/);
  });
});

describe('findLeaks: options and inputs', () => {
  it('ignores kinds and headers', () => {
    const response = {
      headers: { 'x-powered-by': 'Express', server: 'nginx/1.25.3' },
      body: 'TypeError: x',
    };
    expect(
      summary(findLeaks(response, { ignore: ['version-banner'] })),
    ).toEqual(['exception-type in body']);
    expect(
      summary(findLeaks(response, { ignoreHeaders: ['X-Powered-By'] })),
    ).toEqual(['exception-type in body', 'version-banner in header:server']);
  });

  it('rejects an unknown kind in ignore and non-string secrets', () => {
    expect(() =>
      findLeaks({ body: '' }, { ignore: ['stacktrace' as never] }),
    ).toThrow(TypeError);
    expect(() => findLeaks({ body: '' }, { secrets: [42 as never] })).toThrow(
      TypeError,
    );
    // Too short to search for, and it could not be masked in evidence.
    expect(() => findLeaks({ body: 'pw is ab!' }, { secrets: ['ab'] })).toThrow(
      /at least 3 characters/,
    );
  });

  it('refuses an unread fetch body instead of missing what is in it', () => {
    const body = new Response('TypeError: x').body;
    expect(() => findLeaks({ status: 500, body })).toThrow(
      /await res\.text\(\)/,
    );
  });

  it('reads a Buffer, a Uint8Array and an ArrayBuffer as UTF-8', () => {
    const text = 'TypeError: x';
    for (const body of [
      Buffer.from(text),
      new TextEncoder().encode(text),
      new TextEncoder().encode(text).buffer,
    ]) {
      expect(kinds({ body })).toEqual(['exception-type in body']);
    }
  });

  it('reads a parsed body, cycles included', () => {
    const body: Record<string, unknown> = { error: { name: 'ReferenceError' } };
    body.self = body;
    expect(kinds({ body })).toEqual(['exception-type in body']);
  });

  it('walks 10,000 levels of nested JSON without recursion', () => {
    const text = `${'['.repeat(10_000)}"at /srv/app/x.js:1:2"${']'.repeat(10_000)}`;
    expect(kinds({ text })).toEqual([
      'file-path in body',
      'stack-trace in body',
    ]);
  });

  it('scans 1 MB bodies of hostile shapes to the end', () => {
    const mb = 1024 * 1024;
    const shapes = [
      'a'.repeat(mb),
      'at x ('.repeat(mb / 6),
      '/home/'.repeat(mb / 6),
      'SELECT '.repeat(mb / 7),
      'A'.repeat(mb),
      '4'.repeat(mb),
      '1.'.repeat(mb / 2),
      'a.'.repeat(mb / 2),
      'Error'.repeat(mb / 5),
      'C:\\'.repeat(mb / 3),
      'token: '.repeat(mb / 7),
      'x://a:b@'.repeat(mb / 8),
      // The shared secret detectors read each `key=` value to its end; chunking keeps this linear.
      'password='.repeat(mb / 36),
      JSON.stringify(
        Array.from({ length: 20_000 }, (_, i) => ({
          id: i,
          name: `item ${i}`,
          tags: ['a', 'b'],
        })),
      ),
    ];
    for (const body of shapes) {
      // A leak at the very end proves the whole body was read.
      expect(kinds({ body: `${body}\nsyntax error at or near "x"` })).toContain(
        'sql in body',
      );
    }
  });
});

describe('findLeaks: a supertest response', () => {
  let server: Server;

  beforeAll(async () => {
    server = createServer((req, res) => {
      res.setHeader('x-powered-by', 'Express');
      res.setHeader('content-type', 'application/json');
      res.statusCode = 500;
      res.end(
        JSON.stringify({
          error: 'TypeError: x',
          trace: 'TypeError: x\n    at f (/app/dist/main.js:1:2)',
        }),
      );
    });
    await new Promise<void>((resolve) =>
      server.listen(0, '127.0.0.1', resolve),
    );
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads status, headers and text', async () => {
    const res = await request(server).get('/');
    expect(summary(findLeaks(res))).toEqual([
      'exception-type in body',
      'file-path in body',
      'raw-message in body',
      'stack-trace in body',
      'version-banner in header:x-powered-by',
    ]);
  });
});

describe('findLeaks: what the client sent, and how evidence reads', () => {
  // Django's technical 404 quotes the full request URL, host included.
  const echoed: ResponseLike = {
    status: 404,
    headers: { 'content-type': 'text/html' },
    body: '<tr><th>Request URL:</th><td>http://127.0.0.1:8000/missing</td></tr> upstream 10.0.0.7:5432',
  };

  it('does not count the own host echoed back, with ownHosts', () => {
    expect(kinds(echoed)).toEqual(['internal-address in body']);
    const [finding] = findLeaks(echoed, { ownHosts: ['127.0.0.1:8000'] });
    expect(finding?.kind).toBe('internal-address');
    // The private address further on is still found, and the evidence is the real text.
    expect(finding?.evidence).toContain('10.0.0.7:5432');
    expect(
      findLeaks(
        { ...echoed, body: 'Request URL: http://127.0.0.1:8000/missing' },
        { ownHosts: ['127.0.0.1:8000'] },
      ),
    ).toEqual([]);
  });

  it('rejects ownHosts that is not a list of strings', () => {
    expect(() =>
      findLeaks(echoed, { ownHosts: 'x' as unknown as string[] }),
    ).toThrow('findLeaks: options.ownHosts must be an array of strings');
  });

  it('shows an HTML page as the text it displays', () => {
    const [finding] = findLeaks(
      {
        status: 500,
        headers: { 'content-type': 'text/html' },
        body: '<pre>TypeError: x is undefined<br> &nbsp; &nbsp;at run (&lt;anonymous&gt;)<br> &nbsp; &nbsp;at /srv/app/main.js:3:9</pre>',
      },
      { ignore: ['exception-type', 'raw-message'] },
    );
    expect(finding?.kind).toBe('stack-trace');
    expect(finding?.evidence).toBe('…onymous>) at /srv/app/main.js:3:9</pre>');
  });

  it('judges a message only in a 5xx', () => {
    const body = { message: 'Order 42 belongs to another tenant' };
    expect(kinds({ status: 403, body })).toEqual([]);
    expect(kinds({ status: 500, body })).toEqual(['raw-message in body']);
    expect(findLeaks({ status: 500, body })[0]?.evidence).toBe(
      'message: Order 42 belongs to another tenant',
    );
    // Without a status, nothing says it was a failure.
    expect(kinds({ body })).toEqual([]);
  });
});
