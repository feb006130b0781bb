import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@parc/shared';
import { selectRows, type Database } from '../../db/client.ts';
import { customers, meterLinks, partners } from '../../db/schema/index.ts';
import { createTestDatabase, TESTABLE_KINDS } from '../../test/database.ts';
import { issueLink, openLink } from './links.service.ts';
import { currentSigningKey, signLinkToken, verifyLinkToken } from './links.tokens.ts';

// The customer's link page on every engine Parc runs on: what its speed rests on (the index the
// sheet's period links are found by, the signature verified once per token, the sheet read alongside
// the link) must not change what a token opens.

const NOW = new Date('2026-11-20T08:00:00Z');
const PERIOD = '2026-11';

/** Why opening failed: the DomainError's code and the partner it names, or 'opened'. */
async function outcome(opening: Promise<unknown>): Promise<string> {
  try {
    await opening;
    return 'opened';
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return `${error.code} ${String(error.meta.partnerId ?? 'no partner')}`;
  }
}

describe.each(TESTABLE_KINDS)('the link page on %s', (kind) => {
  let database: Database;
  let partnerId: string;
  let customerId: string;
  const deps = (now = NOW) => ({ db: database.db, clock: () => now, publicUrl: 'http://parc.test' });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const [partner] = await database.db.insert(partners).values({ name: 'Dealer', email: 'contact@dealer.test' }).returning({ id: partners.id });
    partnerId = partner!.id;
    const [customer] = await database.db
      .insert(customers)
      .values({ partnerId, customerNumber: '10452', name: 'Customer', prefix: 'C1' })
      .returning({ id: customers.id });
    customerId = customer!.id;
  });
  afterAll(() => database.close());

  it("finds the period's links (revoked ones included) by an index on customer and period", async () => {
    const plan = await database.db.transaction(async (tx) => {
      // A handful of rows is cheaper to scan: forbid the scan to see whether an index can answer.
      await tx.execute(sql`set local enable_seqscan = off`);
      const rows = await selectRows<Record<string, string>>(
        tx,
        sql`explain select ml.id from meter_links ml where ml.customer_id = ${customerId} and ml.period = ${PERIOD}`,
      );
      return rows.map((row) => Object.values(row).join(' ')).join('\n');
    });
    expect(plan).toContain('meter_links_customer_period');
  });

  it('opens a genuine token again and again, and still refuses it once expired', async () => {
    const link = await issueLink(deps(), { partnerId, customerId, period: PERIOD });
    expect(await outcome(openLink(deps(), link.token))).toBe('opened');
    expect(await outcome(openLink(deps(), link.token))).toBe('opened');
    // The signature verified before; the expiry is read again at each request.
    expect(await outcome(openLink(deps(link.expiresAt), link.token))).toBe(`link_invalid ${partnerId}`);
    await expect(verifyLinkToken(database.db, link.token, link.expiresAt)).rejects.toThrow(DomainError);
  });

  it('refuses a token whose signature was altered, after the genuine one verified', async () => {
    const link = await issueLink(deps(), { partnerId, customerId, period: PERIOD });
    expect(await outcome(openLink(deps(), link.token))).toBe('opened');
    const [header, payload, signature] = link.token.split('.');
    const altered = `${header}.${payload}.${signature!.startsWith('A') ? 'B' : 'A'}${signature!.slice(1)}`;
    expect(await outcome(openLink(deps(), altered))).toBe('link_invalid no partner');
    // Same key, same claims but another link id: signed by someone holding the key, yet unknown.
    const key = await currentSigningKey(database.db, NOW);
    const forged = await signLinkToken(key, { jti: crypto.randomUUID(), sub: customerId, pid: partnerId, per: PERIOD, exp: Math.floor(link.expiresAt.getTime() / 1000) });
    expect(await outcome(openLink(deps(), forged))).toBe(`link_invalid ${partnerId}`);
  });

  it('hands out the sheet read alongside the link only for a live link', async () => {
    const link = await issueLink(deps(), { partnerId, customerId, period: PERIOD });
    const opened = await openLink(deps(), link.token, { sheet: true });
    expect(opened.sheet).toEqual([]);
    expect((await openLink(deps(), link.token)).sheet).toBeUndefined();
    await database.db.update(meterLinks).set({ revokedAt: NOW }).where(sql`${meterLinks.id} = ${link.linkId}`);
    expect(await outcome(openLink(deps(), link.token, { sheet: true }))).toBe(`link_invalid ${partnerId}`);
  });
});
