/** @internal Sets an own property; an own `__proto__` key stays a key instead of replacing the prototype. */
export function put(
  target: Record<string, unknown>,
  key: string,
  value: unknown,
): void {
  if (key === '__proto__') {
    // Plain assignment would set the prototype instead of a property.
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}
