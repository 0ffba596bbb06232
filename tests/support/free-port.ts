// A port nothing listens on now, for a test that starts servers of its own.
import { createServer } from 'node:net';

/** Asks the system for a free loopback port and gives it back at once. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
