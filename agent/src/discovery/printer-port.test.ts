import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printerPortOpen } from './printer-port.ts';

describe('printerPortOpen', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each([
    { what: 'a listening port', host: '127.0.0.1', open: true },
    { what: 'a closed port on a live address', host: '127.0.0.2', open: false },
  ])('is $open for $what', async ({ host, open }) => {
    expect(await printerPortOpen(host, 1000, port)).toBe(open);
  });
});
