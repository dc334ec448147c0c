import { spawn } from 'node:child_process';

/** A fixture app running in a process of its own, as `node main.js` would run it. */
export interface ChildApp {
  readonly port: string;
  /** Everything the process has written so far. */
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** SIGTERM (the fixtures close the app on it), then waits for the process to end. */
  stop(): Promise<void>;
}

/** Starts `fixture` with `env` and resolves once it prints `PORT=<n>`; killed after 20 s whatever happens. */
export function startChildApp(
  fixture: string,
  env: Record<string, string>,
): Promise<ChildApp> {
  const child = spawn(process.execPath, [fixture], {
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  const exited = new Promise<void>((resolve) => child.on('close', resolve));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  void exited.then(() => clearTimeout(timer));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += String(chunk);
      const found = /PORT=(\d+)/.exec(stdout);
      if (found)
        resolve({
          port: found[1]!,
          stdout: () => stdout,
          stderr: () => stderr,
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
    });
    child.on('close', () =>
      reject(new Error(`the app exited early: ${stderr}`)),
    );
  });
}
