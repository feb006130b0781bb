/**
 * How passwords are hashed and checked. A contract so each runtime brings its own implementation:
 * native argon2 on Node (argon2-hasher.ts); Cloudflare Workers need a WebAssembly or WebCrypto one.
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /**
   * Whether `password` matches `hash`. With no hash (unknown email, invitation not yet accepted)
   * it spends the same time and answers false, so timing does not tell whether an account exists.
   */
  verify(password: string, hash: string | null): Promise<boolean>;
}
