/** The subset of net-snmp 3.29 (untyped) this adapter uses. */
declare module 'net-snmp' {
  export interface RawVarbind { oid: string; type: number; value: unknown }
  export interface Session {
    get(oids: string[], callback: (error: Error | null, varbinds: RawVarbind[]) => void): void;
    getNext(oids: string[], callback: (error: Error | null, varbinds: RawVarbind[]) => void): void;
    subtree(oid: string, maxRepetitions: number, feed: (varbinds: RawVarbind[]) => boolean | void, done: (error: Error | null) => void): void;
    close(): void;
    on(event: 'error', listener: (error: Error) => void): void;
    /** v3: set once the engine discovery was answered. */
    msgSecurityParameters?: { msgAuthoritativeEngineID?: Buffer };
  }
  export interface SessionOptions { port?: number; version?: number; timeout?: number; retries?: number; context?: string; backoff?: number }
  export interface User { name: string; level: number; authProtocol?: number; authKey?: string; privProtocol?: number; privKey?: string }
  export function createSession(target: string, community: string, options?: SessionOptions): Session;
  export function createV3Session(target: string, user: User, options?: SessionOptions): Session;
  export function isVarbindError(varbind: RawVarbind): boolean;
  export const Version1: number;
  export const Version2c: number;
  export const SecurityLevel: { noAuthNoPriv: number; authNoPriv: number; authPriv: number };
  export const AuthProtocols: Record<'md5' | 'sha' | 'sha224' | 'sha256' | 'sha384' | 'sha512', number>;
  export const PrivProtocols: Record<'des' | 'aes' | 'aes256b' | 'aes256r', number>;
  export const ObjectType: Record<string, number>;
  const snmp: {
    createSession: typeof createSession;
    createV3Session: typeof createV3Session;
    isVarbindError: typeof isVarbindError;
    Version1: number;
    Version2c: number;
    SecurityLevel: typeof SecurityLevel;
    AuthProtocols: typeof AuthProtocols;
    PrivProtocols: typeof PrivProtocols;
    ObjectType: typeof ObjectType;
  };
  export default snmp;
}
