import { connect } from 'node:net';

/** Sends bytes no HTTP client would send and returns whatever the server wrote back before closing. */
export function rawRequest(
  port: number,
  request: string | Buffer,
  timeoutMs = 5_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let out = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(out);
    }, timeoutMs);
    socket.on('data', (chunk) => {
      out += chunk.toString('latin1');
      // One response is all these probes need.
      if (/\r\n\r\n/.test(out) && /content-length: (\d+)/i.test(out)) {
        const [head, body = ''] = out.split('\r\n\r\n');
        const length = Number(/content-length: (\d+)/i.exec(head!)![1]);
        if (Buffer.byteLength(body, 'latin1') >= length) socket.end();
      }
    });
    socket.on('error', (err) => {
      clearTimeout(timer);
      if (out) resolve(out);
      else reject(err);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(out);
    });
    socket.write(request);
  });
}

/** The port a booted app listens on. */
export function portOf(server: { address(): unknown }): number {
  return (server.address() as { port: number }).port;
}
