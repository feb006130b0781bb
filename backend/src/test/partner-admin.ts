import { customerInput, signedIn, type Caller, type Json } from '../modules/customers/test-client.ts';
import { createTestApp, type TestApp } from './app.ts';

/** A fresh app with one partner and its signed-in admin: where most console API suites start. */
export async function partnerAdminApp(): Promise<{ t: TestApp; admin: Caller; partnerId: string }> {
  const t = await createTestApp();
  const partnerId = (await t.createPartner()).id;
  return { t, admin: await signedIn(t, partnerId, 'partner_admin'), partnerId };
}

/** Creates a customer as `caller` and returns it. */
export async function newCustomer(caller: Caller, overrides: Record<string, unknown> = {}): Promise<Json> {
  return (await caller.request('POST', '/customers', customerInput(overrides))).body;
}
