// CommonJS in both builds, so `require` resolves an optional peer from where this package is
// installed without import.meta, which a CommonJS build cannot contain.
/** @internal Loads an optional peer dependency, or throws as `require` does when it is absent. */
export function requireOptionalPeer(name: string): unknown {
  return require(name);
}
