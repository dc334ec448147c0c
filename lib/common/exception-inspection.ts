import { HttpException } from '@nestjs/common';
import { types } from 'node:util';

/** @internal Runs a read that user objects may make throw (getters, Proxy traps); undefined if it does. */
export function read<T>(getter: () => T): T | undefined {
  try {
    return getter();
  } catch {
    return undefined;
  }
}

/** @internal `instanceof` itself throws on a Proxy whose getPrototypeOf trap throws. */
export function isHttpException(value: unknown): value is HttpException {
  return read(() => value instanceof HttpException) === true;
}

/** @internal */
export function isError(value: unknown): value is Error {
  return (
    read(() => types.isNativeError(value) || value instanceof Error) === true
  );
}

/**
 * @internal Whether `value`'s class, or one it extends, has this name. Used for `RpcException` and
 * `WsException`, whose packages are optional: importing them would make them required.
 */
export function extendsClassNamed(value: unknown, name: string): boolean {
  return (
    read(() => {
      let proto: unknown =
        value !== null && typeof value === 'object'
          ? Object.getPrototypeOf(value)
          : null;
      for (let depth = 0; proto && depth < 32; depth++) {
        if (
          (proto as { constructor?: { name?: unknown } }).constructor?.name ===
          name
        )
          return true;
        proto = Object.getPrototypeOf(proto);
      }
      return false;
    }) === true
  );
}

/** @internal What the log's `error` field holds: an Error as itself (the logger expands it), anything else labelled. */
export function describeThrown(exception: unknown): unknown {
  if (isError(exception)) return exception;
  return {
    name: 'NonErrorThrown',
    type: exception === null ? 'null' : typeof exception,
    value: exception,
  };
}

/** @internal A short name for the log message: the error's class name, or what kind of value was thrown. */
export function nameOf(exception: unknown): string {
  if (!isError(exception))
    return `non-Error ${exception === null ? 'null' : typeof exception}`;
  const name = read(() => exception.name);
  return typeof name === 'string' && name.length > 0
    ? name.slice(0, 100)
    : 'Error';
}
