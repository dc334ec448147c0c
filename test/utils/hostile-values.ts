/** Values built to break whatever inspects them. */

/** A Proxy on which every operation throws, `instanceof` included. */
export function hostileProxy(): object {
  const boom = (): never => {
    throw new Error('trap');
  };
  return new Proxy(
    {},
    {
      get: boom,
      has: boom,
      ownKeys: boom,
      getPrototypeOf: boom,
      getOwnPropertyDescriptor: boom,
      apply: boom,
      construct: boom,
      defineProperty: boom,
      deleteProperty: boom,
      isExtensible: boom,
      preventExtensions: boom,
      set: boom,
      setPrototypeOf: boom,
    },
  );
}

/** An Error whose chosen properties throw when read. */
export function withThrowingGetters(
  keys: readonly string[],
  message: string,
): Error {
  const err = new Error(message);
  // 'stack' first: redefining it makes V8 format the stack, which reads the message.
  for (const key of ['stack', 'message', 'name', 'constructor'].filter((k) =>
    keys.includes(k),
  )) {
    Object.defineProperty(err, key, {
      get() {
        throw new Error(`${key} getter exploded`);
      },
    });
  }
  return err;
}
