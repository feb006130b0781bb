import { connect } from 'node:net';

/** Raw printing (JetDirect): open on nearly every network printer, whatever its SNMP settings. */
export const PRINTER_PORT = 9100;
/** A printer on the LAN answers a connection within milliseconds; an empty address must not cost a whole timeout more. */
const MAX_WAIT_MS = 500;

/** True when `ip` accepts a TCP connection on the printer port within min(timeoutMs, 500 ms). */
export function printerPortOpen(ip: string, timeoutMs: number, port = PRINTER_PORT): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: ip, port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(Math.min(timeoutMs, MAX_WAIT_MS), () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
