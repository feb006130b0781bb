/**
 * The frame most spec files share: one real backend for the file, and a browser device per test,
 * closed after the test whether it passed or not.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { openDevice, type Device, type DeviceName } from './browser.ts';
import { startServer, type RunningServer, type ServerOptions } from './server.ts';

export interface SpecServer {
  readonly server: RunningServer;
  /** Opens the test's device on the server; it is closed after the test. */
  openDevice(name: DeviceName): Promise<Device>;
}

export function serverForFile(options: ServerOptions = {}): SpecServer {
  let server: RunningServer | undefined;
  let device: Device | undefined;
  beforeAll(async () => {
    server = await startServer(options);
  });
  afterEach(async () => {
    await device?.close();
    device = undefined;
  });
  afterAll(async () => {
    await server?.stop();
  });
  const running = (): RunningServer => {
    if (!server) throw new Error('The server starts in beforeAll: use it inside tests and hooks');
    return server;
  };
  return {
    get server() {
      return running();
    },
    async openDevice(name) {
      device = await openDevice(name, running().baseURL);
      return device;
    },
  };
}
