/** The demo dealer's accounts, seeded by the backend in demo mode (backend/src/demo/plan.ts), and API sign-in. */
const demoPassword = 'parc-demo-2026';

export interface Account {
  email: string;
  password: string;
}

export const demoAdmin: Account = { email: 'admin@demo-dealer.test', password: demoPassword };
export const demoTechnician: Account = { email: 'tech@demo-dealer.test', password: demoPassword };

/** Signs in through the API, as a script or a phone in the background would; resolves with the `cookie` header to send. */
export async function sessionCookie(baseURL: string, account: Account): Promise<string> {
  const login = await fetch(`${baseURL}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(account) });
  if (login.status !== 200) throw new Error(`Signing in ${account.email} answered ${login.status}: ${await login.text()}`);
  return (login.headers.get('set-cookie') ?? '').split(';')[0]!;
}
