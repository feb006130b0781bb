import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeBackend } from '../test/fake-backend.ts';
import { BackendClient, BackendUnavailable, createDispatcher } from './client.ts';
import { generateAgentKeyPair } from './signer.ts';

const KEY = 'WTCD-GSAL-RGHJ-QJYS';

/** A minimal HTTP CONNECT proxy demanding Basic credentials: it records what it was sent. */
async function startProxy(expectedAuthorization: string): Promise<{ server: Server; port: number; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((_request, response) => response.writeHead(405).end());
  server.on('connect', (request, socket) => {
    seen.push(`${request.url} ${request.headers['proxy-authorization'] ?? '-'}`);
    if (request.headers['proxy-authorization'] !== expectedAuthorization) {
      socket.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n');
      return;
    }
    const [host = '', port = ''] = (request.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(socket).pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, seen };
}

let backend: FakeBackend;
beforeEach(async () => {
  backend = await new FakeBackend().start();
  backend.keys.set(KEY, 'unused');
});
afterEach(() => backend.stop());

const enrollRequest = async () => ({ key: KEY, publicKey: (await generateAgentKeyPair()).publicJwk, hostname: 'h', platform: 'p', version: '0' });

describe('BackendClient', () => {
  it('goes through the configured proxy with its credentials', async () => {
    const proxy = await startProxy(`Basic ${Buffer.from('ana:pa:ss').toString('base64')}`);
    try {
      const dispatcher = createDispatcher({ proxyHost: `127.0.0.1:${proxy.port}`, proxyUser: 'ana', proxyPassword: 'pa:ss', sslTrustAll: false });
      const enrolled = await new BackendClient(backend.url, { dispatcher }).enroll(await enrollRequest());
      expect(enrolled.config.agentId).toBe(enrolled.agentId);
      expect(proxy.seen).toEqual([`${backend.url.replace('http://', '')} Basic ${Buffer.from('ana:pa:ss').toString('base64')}`]);

      const refused = createDispatcher({ proxyHost: `127.0.0.1:${proxy.port}`, proxyUser: 'ana', proxyPassword: 'wrong', sslTrustAll: false });
      await expect(new BackendClient(backend.url, { dispatcher: refused }).enroll(await enrollRequest())).rejects.toThrow(BackendUnavailable);
    } finally {
      proxy.server.close();
    }
  });

  it.each([
    [503, BackendUnavailable, /answered 503/],
    [429, BackendUnavailable, /answered 429/],
  ])('treats %i as "try later"', async (status, type, message) => {
    const server = createServer((_request, response) => response.writeHead(status).end('<html>busy</html>'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await expect(new BackendClient(url).enroll(await enrollRequest())).rejects.toThrow(type);
      await expect(new BackendClient(url).enroll(await enrollRequest())).rejects.toThrow(message);
    } finally {
      server.close();
    }
  });

  it('refuses a signed call when not enrolled, before any request', async () => {
    await expect(new BackendClient(backend.url).fetchConfig()).rejects.toThrow(/not enrolled/);
  });
});
