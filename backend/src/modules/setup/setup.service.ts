import { randomUUID } from 'node:crypto';
import { DomainError } from '@parc/shared';
import { SETUP_LINK_VALID_HOURS, type DealerSetup, type DealerSetupResult, type SetupLink } from '@parc/shared/contracts/setup';
import type { SetupLinkKind } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { assertOnlyAccountOpened } from '../auth/auth.service.ts';
import { passwordProblem } from '../auth/password-policy.ts';
import { hashToken, newToken } from '../auth/session-token.ts';
import { DEFAULT_PARTNER_CAMPAIGN } from '../meters/campaign.settings.ts';
import { savePartnerDefaults } from '../meters/settings.repo.ts';
import * as repo from './setup.repo.ts';

/**
 * The one-time links that create a dealer and its first administrator. A `first` link exists only
 * while the installation has no dealer: a server starting on an empty database prints one, and
 * `npm run job -- setup-link` prints another; each new one replaces the unused one before it, so only
 * the last printed link works. An `additional` link (`npm run job -- add-partner`) adds a dealer to an
 * installation that has some; several may be out at once, one per dealer being invited.
 */

export interface IssuedSetupLink {
  url: string;
  expiresAt: string;
}

const VALID_MS = SETUP_LINK_VALID_HOURS * 3_600_000;

async function issue(deps: AppDeps, kind: SetupLinkKind): Promise<IssuedSetupLink> {
  const token = newToken();
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + VALID_MS);
  await repo.insertSetupLink(deps.db, { tokenHash: hashToken(token), kind, createdAt: now, expiresAt });
  return { url: `${deps.publicUrl}/setup/${token}`, expiresAt: expiresAt.toISOString() };
}

/** A new first-run link, the earlier unused ones revoked; null once a dealer exists (then only add-partner adds one). */
export async function firstRunLink(deps: AppDeps): Promise<IssuedSetupLink | null> {
  return deps.db.transaction(async (tx) => {
    if (await repo.hasPartner(tx)) return null;
    await repo.dropUnusedLinks(tx, 'first');
    return issue({ ...deps, db: tx }, 'first');
  });
}

/** A link that creates one more dealer, whatever the installation already has. */
export function additionalPartnerLink(deps: AppDeps): Promise<IssuedSetupLink> {
  return issue(deps, 'additional');
}

/** The link if it can still create a dealer; else why not (unknown, used, expired, or a first-run link once a dealer exists). */
export async function openSetupLink(deps: AppDeps, token: string): Promise<SetupLink> {
  const link = await repo.findSetupLink(deps.db, hashToken(token));
  if (!link) throw new DomainError('setup.link_invalid');
  if (link.usedAt) throw new DomainError('setup.link_used');
  if (link.expiresAt <= deps.clock()) throw new DomainError('setup.link_expired');
  if (link.kind === 'first' && (await repo.hasPartner(deps.db))) throw new DomainError('setup.partner_exists');
  return { kind: link.kind, expiresAt: link.expiresAt.toISOString() };
}

/**
 * Creates the dealer and its administrator in one transaction and spends the link. The dealer's
 * time zone is also its campaign's (the rest of the campaign calendar is the default, as the demo
 * dealer's); its country and currency are new customers' defaults; its contact address is the
 * administrator's until changed in Settings.
 */
export async function completeSetup(deps: AppDeps, token: string, input: DealerSetup): Promise<DealerSetupResult> {
  const { dealer, admin } = input;
  const link = await openSetupLink(deps, token);
  const problem = passwordProblem(admin.password, admin);
  if (problem) throw problem;
  const adminId = randomUUID();
  // The same person may run several dealers, but not with one password: sign-in picks the account by it.
  await assertOnlyAccountOpened(deps, { id: adminId, email: admin.email }, admin.password, 'admin.password');
  const passwordHash = await deps.passwords.hash(admin.password);
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    await repo.lockPartners(tx);
    if (link.kind === 'first' && (await repo.hasPartner(tx))) throw new DomainError('setup.partner_exists');
    const partner = await repo.insertPartner(tx, {
      name: dealer.name,
      email: admin.email,
      country: dealer.country,
      currency: dealer.currency,
      defaultLanguage: dealer.language,
      defaultTimezone: dealer.timeZone,
      createdAt: now,
    });
    if (!(await repo.spendSetupLink(tx, hashToken(token), partner.id, now))) throw new DomainError('setup.link_used');
    await repo.insertUsers(tx, [{ id: adminId, partnerId: partner.id, email: admin.email, name: admin.name, role: 'partner_admin', language: dealer.language, passwordHash, createdAt: now }]);
    await savePartnerDefaults(tx, partner.id, { ...DEFAULT_PARTNER_CAMPAIGN, timeZone: dealer.timeZone }, now);
    return { partnerId: partner.id, email: admin.email };
  });
}
