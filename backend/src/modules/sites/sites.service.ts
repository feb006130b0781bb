import { DomainError } from '@parc/shared';
import type { Site, SiteCreate, SiteImportLine, SiteImportResult, SiteUpdate } from '@parc/shared/contracts/sites';
import type { Db } from '../../db/client.ts';
import type { SessionUser } from '../auth/access.ts';
import { findCoordinators } from '../coordinators/coordinators.repo.ts';
import { assertCoordinatorOfCustomer, mainCoordinatorId } from '../coordinators/coordinators.service.ts';
import { getCustomer } from '../customers/customers.service.ts';
import { isUniqueViolation, type Scope } from '../customers/scope.ts';
import { checkSiteImport, readSiteImportFile } from '@parc/shared/sites/import';
import { deleteSite, findSite, findSites, insertSites, siteReferences, toSite, updateSite } from './sites.repo.ts';

const notFound = () => new DomainError('site.not_found');

/** A violation of the unique name means the name was written. */
function explainDuplicate(error: unknown, name: string | undefined): never {
  if (isUniqueViolation(error, 'sites_name_unique')) throw new DomainError('site.name_taken', { name: name!, field: 'name' });
  throw error;
}

export async function listSites(db: Db, user: SessionUser, customerId: string, active?: boolean): Promise<{ items: Site[] }> {
  await getCustomer(db, user, customerId);
  return { items: (await findSites(db, user, customerId, active)).map(toSite) };
}

export async function getSite(db: Db, user: SessionUser, id: string): Promise<Site> {
  const row = await findSite(db, user, id);
  if (!row) throw notFound();
  return toSite(row);
}

/** A site given as a reference (by a device) must be an active site of that customer. */
export async function assertSiteOfCustomer(db: Db, scope: Scope, siteId: string, customerId: string): Promise<void> {
  const row = await findSite(db, scope, siteId);
  if (!row || row.customerId !== customerId || !row.active) {
    throw new DomainError('site.not_active', { field: 'siteId' });
  }
}

/** Without a coordinator given, a new site is looked after by the customer's main coordinator. */
export async function createSite(db: Db, user: SessionUser, customerId: string, input: SiteCreate): Promise<Site> {
  await getCustomer(db, user, customerId);
  if (input.coordinatorId) await assertCoordinatorOfCustomer(db, user, input.coordinatorId, customerId);
  const coordinatorId = input.coordinatorId === undefined ? await mainCoordinatorId(db, user, customerId) : input.coordinatorId;
  const [row] = await insertSites(db, user.partnerId, customerId, [{ ...input, coordinatorId }]).catch((error) => explainDuplicate(error, input.name));
  return toSite(row!);
}

export async function changeSite(db: Db, user: SessionUser, id: string, input: SiteUpdate): Promise<Site> {
  const current = await findSite(db, user, id);
  if (!current) throw notFound();
  if (input.coordinatorId) await assertCoordinatorOfCustomer(db, user, input.coordinatorId, current.customerId);
  const row = await updateSite(db, user, id, input).catch((error) => explainDuplicate(error, input.name));
  return toSite(row!);
}

export async function deactivateSite(db: Db, user: SessionUser, id: string): Promise<Site> {
  const row = await updateSite(db, user, id, { active: false });
  if (!row) throw notFound();
  return toSite(row);
}

export async function reactivateSite(db: Db, user: SessionUser, id: string): Promise<Site> {
  const row = await updateSite(db, user, id, { active: true });
  if (!row) throw notFound();
  return toSite(row);
}

/**
 * Deletes a site nothing refers to (one entered by mistake). A site with devices, floor plans or
 * local stocks is refused with what it still has: it is deactivated instead, keeping that history.
 */
export async function removeSite(db: Db, user: SessionUser, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await findSite(tx, user, id))) throw notFound();
    const references = await siteReferences(tx, user.partnerId, id);
    if (references.devices + references.plans + references.stocks > 0) throw new DomainError('site.in_use', references);
    await deleteSite(tx, user, id);
  });
}

/**
 * Sites from a CSV file. Preview judges every line; commit writes all lines in one transaction, or
 * nothing when any line is wrong (`refused` then holds the per-line errors).
 */
export async function importSites(
  db: Db,
  user: SessionUser,
  customerId: string,
  csv: string,
  mode: 'preview' | 'commit',
): Promise<{ refused: false; result: SiteImportResult } | { refused: true; lines: SiteImportLine[] }> {
  await getCustomer(db, user, customerId);
  const rows = readSiteImportFile(csv);
  return db.transaction(async (tx) => {
    const [existing, coordinators] = await Promise.all([findSites(tx, user, customerId), findCoordinators(tx, user, customerId, true)]);
    const lines = checkSiteImport(rows, {
      existingNames: existing.map((site) => site.name),
      coordinatorsByEmail: new Map(coordinators.filter((row) => row.email).map((row) => [row.email!.toLowerCase(), row.id])),
      mainCoordinatorId: coordinators.find((row) => row.isMain)?.id ?? null,
    });
    if (mode === 'preview') return { refused: false, result: { mode, created: 0, lines } };
    if (lines.some((line) => line.status === 'error')) return { refused: true, lines };
    const created = await insertSites(
      tx,
      user.partnerId,
      customerId,
      lines.flatMap((line) => (line.site ? [line.site] : [])),
    );
    return { refused: false, result: { mode, created: created.length, lines } };
  });
}
