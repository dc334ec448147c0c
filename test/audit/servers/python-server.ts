import { spawn, spawnSync } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { fileURLToPath } from 'node:url';

/** Debian's Python, where python3-flask and python3-django install (not a pyenv or venv python). */
export const SYSTEM_PYTHON = '/usr/bin/python3';

/** Why the Python servers cannot run here, or `undefined` when Flask and Django import. */
export function pythonMissing(): string | undefined {
  const probe = spawnSync(SYSTEM_PYTHON, ['-c', 'import flask, django'], {
    encoding: 'utf8',
  });
  if (probe.error !== undefined)
    return `${SYSTEM_PYTHON}: ${probe.error.message}`;
  return probe.status === 0
    ? undefined
    : `${SYSTEM_PYTHON} cannot import flask and django (apt-get install python3-flask python3-django): ${probe.stderr.trim().split('\n').at(-1) ?? ''}`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** A Python web server of this folder, running as its own process. */
export interface PythonServer {
  readonly baseUrl: string;
  /** What it wrote to stderr (Werkzeug and runserver log requests there). */
  readonly output: () => string;
  stop(): Promise<void>;
}

/** Starts `servers/<script>` on a free port and resolves once the port accepts connections. */
export async function startPythonServer(script: string): Promise<PythonServer> {
  const port = await freePort();
  const child = spawn(
    SYSTEM_PYTHON,
    [fileURLToPath(new URL(script, import.meta.url))],
    {
      env: { ...process.env, PORT: String(port), PYTHONDONTWRITEBYTECODE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += String(chunk)));
  child.stderr.on('data', (chunk: Buffer) => (output += String(chunk)));
  const exited = new Promise<void>((resolve) =>
    child.on('close', () => resolve()),
  );
  let gone = false;
  void exited.then(() => (gone = true));
  const stop = async (): Promise<void> => {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (gone) throw new Error(`${script} exited early:\n${output}`);
    if (await accepts(port))
      return {
        baseUrl: `http://127.0.0.1:${port}`,
        output: () => output,
        stop,
      };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(
    `${script} did not listen on ${port} within 30 s:\n${output}`,
  );
}
