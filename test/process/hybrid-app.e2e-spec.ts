import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { lastValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { freePort } from '../utils/free-port.js';

const FIXTURE = fileURLToPath(
  new URL('./fixtures/fault-app.mjs', import.meta.url),
);
const PLANTED = 'Hybr1d-Planted-Secret-77';
const ID = /^[0-9a-f]{16}$/;

/** Boots the fixture as a hybrid app in its own process, calls its TCP microservice once, and collects everything. */
async function callHybrid(env: Record<string, string>) {
  const rpcPort = await freePort();
  const child = spawn(process.execPath, [FIXTURE], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      PLANTED,
      RPC_PORT: String(rpcPort),
      STOP_AFTER_MS: '1500',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', resolve),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += String(chunk);
      if (stdout.includes('PORT=')) resolve();
    });
    child.on('close', () =>
      reject(new Error(`the app exited early: ${stderr}`)),
    );
  });
  const client = ClientProxyFactory.create({
    transport: Transport.TCP,
    options: { host: '127.0.0.1', port: rpcPort },
  });
  await client.connect();
  const answer = await lastValueFrom(client.send('orders.fail', {})).catch(
    (e: unknown) => e,
  );
  await client.close();
  const code = await exited;
  return { answer, code, stdout, stderr };
}

describe('a hybrid app: a TCP microservice connected with app.connectMicroservice()', () => {
  it("under Nest's defaults (inheritAppConfig: false) fails safe: no cause to the client, and the line Nest writes is redacted", async () => {
    const { answer, stdout, stderr } = await callHybrid({});
    // Nest's own RPC filter answers: no cause, but no requestId either (the library's filter is not there).
    expect(answer).toEqual({
      status: 'error',
      message: 'Internal server error',
    });
    expect(stdout + stderr).not.toContain(PLANTED);
    const lines = stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const rpcLine = lines.find(
      (r) => r.level === 'error' && JSON.stringify(r).includes('db.internal'),
    );
    expect(JSON.stringify(rpcLine)).toContain(
      'postgres://admin:[REDACTED]@db.internal/prod',
    );
  });

  it('with inheritAppConfig: true gets the library: an opaque answer with a requestId, logged with it', async () => {
    const { answer, stdout, stderr } = await callHybrid({ INHERIT: '1' });
    expect(answer).toEqual({
      status: 'error',
      message: 'Internal server error',
      requestId: expect.stringMatching(ID),
    });
    const { requestId } = answer as { requestId: string };
    expect(stdout).toContain(`"requestId":"${requestId}"`);
    expect(stdout + stderr).not.toContain(PLANTED);
  });
});
