// Writes package.json here: the project's own manifest with Nest 11 (and its GraphQL 13 line) as the
// dev dependencies, so the whole suite can run against Nest 11 from one lockfile. Run it after
// changing the root package.json, then `npm install --package-lock-only` in this folder:
//   node test/matrix/nest11/sync.mjs && (cd test/matrix/nest11 && npm install --package-lock-only)
import { readFileSync, writeFileSync } from 'node:fs';

export const NEST11_RANGES = {
  '@nestjs/common': '^11.1.0',
  '@nestjs/core': '^11.1.0',
  '@nestjs/microservices': '^11.1.0',
  '@nestjs/platform-express': '^11.1.0',
  '@nestjs/platform-fastify': '^11.1.0',
  '@nestjs/platform-ws': '^11.1.0',
  '@nestjs/testing': '^11.1.0',
  '@nestjs/websockets': '^11.1.0',
  '@nestjs/graphql': '^13.4.0',
  '@nestjs/apollo': '^13.4.0',
  '@nestjs/mercurius': '^13.4.0',
};

/** The root manifest with the Nest dev dependencies swapped for their Nest 11 ranges. */
export function nest11Manifest(root) {
  const devDependencies = { ...root.devDependencies };
  for (const [name, range] of Object.entries(NEST11_RANGES)) {
    if (!(name in devDependencies)) throw new Error(`${name} is no dev dependency of the root`);
    devDependencies[name] = range;
  }
  return { ...root, devDependencies };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const here = new URL('.', import.meta.url);
  const root = JSON.parse(readFileSync(new URL('../../../package.json', here), 'utf8'));
  writeFileSync(new URL('package.json', here), JSON.stringify(nest11Manifest(root), null, 2) + '\n');
}
