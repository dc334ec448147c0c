import { fileURLToPath } from 'node:url';

export interface Runtime {
  /** e.g. `Node v24.22.3`. */
  label: string;
  node: string;
  /** The major version, which some goals depend on. */
  major: number;
}

/** Node 24 (the LTS), from the npm registry as the test matrix fetches it, and the runtime running the bench. */
export async function benchRuntimes(): Promise<Runtime[]> {
  const current = {
    label: `Node ${process.version}`,
    node: process.execPath,
    major: Number(process.versions.node.split('.')[0]),
  };
  if (current.major === 24) return [current];
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const binaries = (await import(
    new URL('../../../test/matrix/node-binaries.mjs', import.meta.url).href
  )) as {
    NODE_VERSIONS: Record<string, string>;
    nodeBinary: (root: string, version: string) => string;
  };
  const version = binaries.NODE_VERSIONS['24'];
  return [
    {
      label: `Node v${version}`,
      node: binaries.nodeBinary(root, version),
      major: 24,
    },
    current,
  ];
}
