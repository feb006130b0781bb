import {
  campaignCalendar,
  COUNTER_KINDS,
  DEFAULT_LANGUAGE,
  DomainError,
  expiryInstant,
  isLanguage,
  linkClaimsSchema,
  linkStateAt,
  localDateKey,
  parsePeriod,
  transitionLink,
  type CampaignCalendar,
  type CounterEntryState,
  type CounterKind,
  type Language,
  type LocationChangeRequest,
  type MeterEntryDealer,
  type LinkEvent,
  type LinkState,
  type MeterEntry,
  type MeterEntryPage,
  type MeterEntryResult,
  type PeriodKey,
  type Translations,
} from '@parc/shared';
import type { Db } from '../../db/client.ts';
import type { AppDeps } from '../../deps.ts';
import { receiveLocationRequest } from '../locations/locations.service.ts';
import { recordReading } from '../readings/readings.writer.ts';
import {
  findCustomers,
  findDealer,
  findLink,
  findLinks,
  findLinkWithParties,
  findLiveLinks,
  findSheetRows,
  findSolePartnerId,
  findStoredEntry,
  insertLinks,
  markLinkEvent,
  storeEntry,
  type LinkRow,
  type NewLinkRow,
  type SheetDevice,
  type SheetEntry,
  type SheetReading,
  type SheetRow,
} from './links.repo.ts';
import { pageCacheOf } from './links.page-cache.ts';
import { renderReceipt } from './links.receipt.ts';
import { currentSigningKey, findSigningKey, linkInvalid, signLinkToken, verifyLinkToken, type SigningKey } from './links.tokens.ts';

type LinkDeps = Pick<AppDeps, 'db' | 'clock' | 'publicUrl'>;

export interface IssuedLink {
  linkId: string;
  token: string;
  /** `${publicUrl}/m/${token}`: what goes in the email. */
  url: string;
  expiresAt: Date;
  /** False when the customer already had a live link for the period (that one is returned). */
  created: boolean;
}

export interface LinkRef {
  partnerId: string;
  linkId: string;
}

const notFound = () => new DomainError('link.not_found');

// --- issuing -------------------------------------------------------------------------------

function urlFor(deps: Pick<AppDeps, 'publicUrl'>, token: string): string {
  return `${deps.publicUrl}/m/${token}`;
}

async function tokenOf(db: Db, link: LinkRow): Promise<string> {
  const key = await findSigningKey(db, link.kid);
  if (!key) throw new Error(`signing key ${link.kid} of link ${link.id} is missing`);
  const claims = { jti: link.id, sub: link.customerId, pid: link.partnerId, per: link.period, exp: Math.floor(link.expiresAt.getTime() / 1000) };
  return signLinkToken(key, claims);
}

async function issued(deps: LinkDeps, link: LinkRow, created: boolean): Promise<IssuedLink> {
  const token = await tokenOf(deps.db, link);
  return { linkId: link.id, token, url: urlFor(deps, token), expiresAt: link.expiresAt, created };
}

/**
 * The customer's link for the period: the live one when it exists (same token, same URL), else a
 * new one signed with the current key. `calendar` is the customer's campaign calendar (its
 * lastValidDay sets the expiry); by default the standard one in the customer's time zone.
 */
export async function issueLink(
  deps: LinkDeps,
  input: { partnerId: string; customerId: string; period: PeriodKey; calendar?: CampaignCalendar },
): Promise<IssuedLink> {
  const [outcome] = await issueLinks(deps, input.partnerId, [{ customerId: input.customerId, calendar: input.calendar }], input.period);
  if ('error' in outcome!) throw outcome.error;
  return outcome!.link;
}

export interface LinkRequest {
  customerId: string;
  /** As for issueLink: the customer's campaign calendar, the standard one in its time zone by default. */
  calendar?: CampaignCalendar | undefined;
}

/** Per customer: its link, or why it gets none (not_found, or conflict: deactivated, period closed). */
export type LinkOutcome = { customerId: string; link: IssuedLink } | { customerId: string; error: DomainError };

/** Customers looked up and links inserted per statement when issuing in bulk. */
export const ISSUE_BATCH = 500;

/**
 * issueLink for many customers of a partner at once, answering per customer in the order asked:
 * a few queries per ISSUE_BATCH customers instead of a few per customer, the tokens signed in memory.
 */
export async function issueLinks(deps: LinkDeps, partnerId: string, requests: readonly LinkRequest[], period: PeriodKey): Promise<LinkOutcome[]> {
  parsePeriod(period);
  const now = deps.clock();
  let key: SigningKey | undefined;
  // Time-zone arithmetic is most of a large batch's CPU: worked out once per calendar (or, for the
  // standard calendar, per time zone) rather than per customer.
  const expiries = new Map<CampaignCalendar | string, Date>();
  const expiryFor = (request: LinkRequest, timeZone: string) => {
    const memoKey = request.calendar ?? timeZone;
    let expiresAt = expiries.get(memoKey);
    if (!expiresAt) expiries.set(memoKey, (expiresAt = expiryInstant(request.calendar ?? campaignCalendar({ timeZone }), period)));
    return expiresAt;
  };
  const outcomes: LinkOutcome[] = [];
  for (let start = 0; start < requests.length; start += ISSUE_BATCH) {
    const batch = requests.slice(start, start + ISSUE_BATCH);
    const ids = batch.map((request) => request.customerId);
    const customers = new Map((await findCustomers(deps.db, partnerId, ids)).map((customer) => [customer.id, customer]));
    const live = new Map((await findLiveLinks(deps.db, ids, period)).map((link) => [link.customerId, link]));
    const planned: (LinkOutcome | NewLinkRow)[] = [];
    for (const request of batch) {
      const customer = customers.get(request.customerId);
      const existing = live.get(request.customerId);
      try {
        if (!customer) throw new DomainError('customer.not_found');
        if (existing) {
          planned.push({ customerId: customer.id, link: await issued(deps, existing, false) });
          continue;
        }
        if (!customer.active) throw new DomainError('link.customer_inactive');
        const expiresAt = expiryFor(request, customer.timeZone);
        if (expiresAt <= now) throw new DomainError('link.period_closed', { period, field: 'period' });
        key ??= await currentSigningKey(deps.db, now);
        const linkId = crypto.randomUUID();
        // Validates the claims (ids, period, expiry) before anything is stored, as linkClaimsFor
        // would without working out the expiry again.
        linkClaimsSchema.parse({ jti: linkId, sub: customer.id, pid: partnerId, per: period, exp: Math.floor(expiresAt.getTime() / 1000) });
        planned.push({ id: linkId, partnerId, customerId: customer.id, period, kid: key.kid, issuedAt: now, expiresAt });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        planned.push({ customerId: request.customerId, error });
      }
    }
    const toInsert = planned.filter((item) => 'kid' in item);
    const inserted = new Map((await insertLinks(deps.db, toInsert)).map((link) => [link.id, link]));
    // A concurrent issue for the same customer and period won: hand out that one.
    const lost = toInsert.filter((values) => !inserted.has(values.id!)).map((values) => values.customerId);
    const winners = new Map((await findLiveLinks(deps.db, lost, period)).map((link) => [link.customerId, link]));
    for (const item of planned) {
      if (!('kid' in item)) {
        outcomes.push(item);
        continue;
      }
      const mine = inserted.get(item.id!);
      const winner = mine ?? winners.get(item.customerId);
      if (!winner) throw new Error('live link vanished after a conflicting insert');
      outcomes.push({ customerId: item.customerId, link: await issued(deps, winner, mine !== undefined) });
    }
  }
  return outcomes;
}

async function partnerLink(db: Db, ref: LinkRef): Promise<LinkRow> {
  const link = await findLink(db, ref.linkId, ref.partnerId);
  if (!link) throw notFound();
  return link;
}

/** The link stops working at once; revoking twice is harmless. */
export async function revokeLink(deps: Pick<AppDeps, 'db' | 'clock'>, ref: LinkRef): Promise<LinkSummary> {
  await partnerLink(deps.db, ref);
  await markLinkEvent(deps.db, ref.linkId, 'revokedAt', deps.clock());
  return summarise(await partnerLink(deps.db, ref), deps.clock());
}

/**
 * Revokes the link and issues a new one for the same customer and period, expiring as the
 * customer's calendar says (`calendarOf`; the standard calendar without it); the caller sends the
 * email. Entries made through the old link carry over to the new one.
 */
export async function resendLink(
  deps: LinkDeps,
  ref: LinkRef & { calendarOf?: ((customerId: string) => Promise<CampaignCalendar>) | undefined },
): Promise<IssuedLink> {
  const link = await partnerLink(deps.db, ref);
  if (link.expiresAt <= deps.clock()) throw new DomainError('link.period_closed', { period: link.period });
  const calendar = await ref.calendarOf?.(link.customerId);
  await markLinkEvent(deps.db, link.id, 'revokedAt', deps.clock());
  return issueLink(deps, { partnerId: link.partnerId, customerId: link.customerId, period: link.period, calendar });
}

/** The email with the link went out (the first time counts). */
export async function markSent(deps: Pick<AppDeps, 'db' | 'clock'>, ref: LinkRef): Promise<void> {
  await partnerLink(deps.db, ref);
  await markLinkEvent(deps.db, ref.linkId, 'sentAt', deps.clock());
}

/** The reminder email went out (the first time counts). */
export async function markReminded(deps: Pick<AppDeps, 'db' | 'clock'>, ref: LinkRef): Promise<void> {
  await partnerLink(deps.db, ref);
  await markLinkEvent(deps.db, ref.linkId, 'remindedAt', deps.clock());
}

// --- state ---------------------------------------------------------------------------------

const EVENT_TIMESTAMPS: [LinkEvent, keyof LinkRow][] = [
  ['send', 'sentAt'],
  ['open', 'openedAt'],
  ['enter', 'firstEntryAt'],
  ['complete', 'completedAt'],
  ['revoke', 'revokedAt'],
];

/** The link's campaign state at `now`, replayed from the events it recorded. */
export function linkState(link: LinkRow, now: Date): LinkState {
  const state = EVENT_TIMESTAMPS.reduce<LinkState>((current, [event, column]) => (link[column] ? transitionLink(current, event) : current), 'issued');
  return linkStateAt(state, link.expiresAt, now);
}

export interface LinkSummary {
  id: string;
  customerId: string;
  period: string;
  state: LinkState;
  issuedAt: string;
  expiresAt: string;
  sentAt: string | null;
  openedAt: string | null;
  firstEntryAt: string | null;
  completedAt: string | null;
  remindedAt: string | null;
  revokedAt: string | null;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function summarise(link: LinkRow, now: Date): LinkSummary {
  return {
    id: link.id,
    customerId: link.customerId,
    period: link.period,
    state: linkState(link, now),
    issuedAt: link.issuedAt.toISOString(),
    expiresAt: link.expiresAt.toISOString(),
    sentAt: iso(link.sentAt),
    openedAt: iso(link.openedAt),
    firstEntryAt: iso(link.firstEntryAt),
    completedAt: iso(link.completedAt),
    remindedAt: iso(link.remindedAt),
    revokedAt: iso(link.revokedAt),
  };
}

export async function listLinks(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  partnerId: string,
  filter: { customerId?: string; period?: string },
): Promise<(LinkSummary & { customerNumber: string })[]> {
  const now = deps.clock();
  return (await findLinks(deps.db, partnerId, filter)).map(({ link, customerNumber }) => ({ ...summarise(link, now), customerNumber }));
}

// --- the customer's side -------------------------------------------------------------------

export interface OpenedLink {
  link: LinkRow;
  customer: { id: string; customerNumber: string; language: Language; timeZone: string };
  dealer: MeterEntryDealer;
  /** The entry sheet as of opening, when asked for (the page's data, read alongside the link). */
  sheet?: SheetMachine[];
}

/**
 * The live link a token stands for. Tampered, expired, revoked or unknown: `link_invalid`, whose
 * `partnerId` is set only when the token's signature verified. With `sheet`, the entry sheet is read
 * at the same time as the link (the token's claims name the customer and period; it is handed out
 * only once the link proves live), saving the page a round trip after the link's.
 */
export async function openLink(deps: Pick<AppDeps, 'db' | 'clock'>, token: string, options: { sheet?: boolean } = {}): Promise<OpenedLink> {
  const now = deps.clock();
  const subject = await verifyLinkToken(deps.db, token, now);
  const [found, sheet] = await Promise.all([
    findLinkWithParties(deps.db, subject.linkId, subject.partnerId),
    options.sheet ? entrySheet(deps.db, { link: subject }, now) : undefined,
  ]);
  const link = found?.link;
  if (!link || link.customerId !== subject.customerId || link.period !== subject.period) throw linkInvalid('unknown link', subject.partnerId);
  if (link.revokedAt) throw linkInvalid('link revoked', subject.partnerId);
  // The row is the authority: an expiry shortened since the token was signed applies at once.
  if (link.expiresAt <= deps.clock()) throw linkInvalid('link expired', subject.partnerId);
  const { customer, dealer } = found;
  if (!customer?.active) throw linkInvalid('customer inactive', subject.partnerId);
  if (!dealer) throw linkInvalid('unknown partner');
  const language = isLanguage(customer.language) ? customer.language : DEFAULT_LANGUAGE;
  return { link, customer: { id: customer.id, customerNumber: customer.customerNumber, language, timeZone: customer.timeZone }, dealer, ...(sheet ? { sheet } : {}) };
}

/** Dealer contact details for the "link invalid" page: the token's partner, or the installation's only one. */
export async function dealerForInvalidLink(db: Db, partnerId: string | null) {
  const id = partnerId ?? (await findSolePartnerId(db));
  return id ? findDealer(db, id) : null;
}

/** Customers read mono and colour; the total is their sum, so it is asked only of devices without them. */
export function countersToAsk(kinds: readonly CounterKind[]): CounterKind[] {
  const hasSplit = kinds.includes('mono') || kinds.includes('colour');
  return COUNTER_KINDS.filter((kind) => kinds.includes(kind) && !(hasSplit && kind === 'total'));
}

export interface SheetCounter {
  kind: CounterKind;
  last: SheetReading | null;
  /** This period's entry, refused-by-review ones included. */
  entry: SheetEntry | null;
}

export interface SheetMachine {
  device: SheetDevice;
  counters: SheetCounter[];
  /** An open location change request's location. */
  requestedLocation: string | null;
}

/** Every machine the customer is asked to read this period, with last readings and this period's entries. */
export async function entrySheet(db: Db, opened: { link: Pick<LinkRow, 'partnerId' | 'customerId' | 'period'> }, now: Date): Promise<SheetMachine[]> {
  const machines = new Map<string, { device: SheetDevice; rows: SheetRow[] }>();
  for (const row of await findSheetRows(db, opened.link, now)) {
    const machine = machines.get(row.device.id) ?? { device: row.device, rows: [] };
    machine.rows.push(row);
    machines.set(row.device.id, machine);
  }
  return [...machines.values()]
    .map(({ device, rows }) => ({
      device,
      requestedLocation: rows[0]?.requestedLocation ?? null,
      counters: countersToAsk(rows.map((row) => row.kind)).map((kind) => {
        const { last, entry } = rows.find((row) => row.kind === kind)!;
        return { kind, last, entry };
      }),
    }))
    .filter((machine) => machine.counters.length > 0);
}

/** The counter's state as the customer's page shows it. */
export function entryState(entry: SheetEntry | null): CounterEntryState {
  if (!entry || entry.status === 'deleted') return { state: 'to_enter' };
  const saved = { value: entry.value, enteredAt: entry.takenAt.toISOString() };
  if (entry.lockedAt) return { state: 'sent', ...saved };
  switch (entry.status) {
    case 'accepted':
    case 'corrected':
      return { state: 'settled', ...saved };
    case 'to_check':
      return entry.reason ? { state: 'to_check', ...saved, reason: entry.reason } : { state: 'entered', ...saved };
    case 'refused':
      return { state: 'refused', ...saved, reason: entry.reason };
    default:
      return { state: 'entered', ...saved };
  }
}

const isDone = (counter: SheetCounter) => counter.entry !== null && counter.entry.status !== 'refused' && counter.entry.status !== 'deleted';

/** Last valid days worked out, by expiry and time zone: the time-zone arithmetic costs more than the rest of the page. */
const lastValidDays = new Map<string, string>();
const LAST_VALID_DAYS_KEPT = 1_000;

export function lastValidDayOf(link: Pick<LinkRow, 'expiresAt'>, timeZone: string): string {
  const memoKey = `${link.expiresAt.getTime()} ${timeZone}`;
  let day = lastValidDays.get(memoKey);
  if (day === undefined) {
    day = localDateKey(new Date(link.expiresAt.getTime() - 1), timeZone);
    if (lastValidDays.size >= LAST_VALID_DAYS_KEPT) lastValidDays.clear();
    lastValidDays.set(memoKey, day);
  }
  return day;
}

/** The page as the customer sees it, from the sheet. Customer number only: no names. */
export function pageFrom(opened: OpenedLink, sheet: SheetMachine[]): MeterEntryPage {
  return {
    customerNumber: opened.customer.customerNumber,
    language: opened.customer.language,
    dealer: opened.dealer,
    period: opened.link.period,
    expiresAt: opened.link.expiresAt.toISOString(),
    lastValidDay: lastValidDayOf(opened.link, opened.customer.timeZone),
    timeZone: opened.customer.timeZone,
    machines: sheet.map(({ device, counters, requestedLocation }) => ({
      deviceId: device.id,
      deviceCode: device.deviceCode,
      manufacturer: device.manufacturer,
      model: device.model,
      internalNumber: device.internalNumber,
      location: device.location,
      requestedLocation,
      serial: device.serial,
      counters: counters.map(({ kind, last, entry }) => ({
        counter: kind,
        last: last ? { value: last.value, takenAt: last.takenAt.toISOString() } : null,
        entry: entryState(entry),
      })),
    })),
  };
}

/** The entry page from a link opened with its sheet; the first call marks the link opened. */
async function meterEntryPage(deps: Pick<AppDeps, 'db' | 'clock'>, opened: OpenedLink, sheet: SheetMachine[]): Promise<MeterEntryPage> {
  // The link row was just read: an opened link costs no write (the update keeps the first time anyway).
  if (!opened.link.openedAt) await markLinkEvent(deps.db, opened.link.id, 'openedAt', deps.clock());
  return pageFrom(opened, sheet);
}

/** The entry page as the JSON sent: kept in memory for reloads (see links.page-cache.ts), else read and marked opened. */
export async function meterEntryPageJson(deps: Pick<AppDeps, 'db' | 'clock'>, token: string): Promise<string> {
  const now = deps.clock();
  const { linkId } = await verifyLinkToken(deps.db, token, now);
  const read = async () => {
    const { sheet, ...opened } = await openLink(deps, token, { sheet: true });
    return { body: JSON.stringify(await meterEntryPage(deps, opened, sheet!)), linkExpiresAt: opened.link.expiresAt };
  };
  const cache = pageCacheOf(deps.db);
  return cache ? cache.page(linkId, now, read) : (await read()).body;
}

/** The receipt PDF in the language the page is read in, with the dealer's name on top. */
export async function meterEntryReceipt(deps: Pick<AppDeps, 'db' | 'clock'>, opened: OpenedLink, language: Language): Promise<Buffer> {
  const page = pageFrom(opened, await entrySheet(deps.db, opened, deps.clock()));
  return renderReceipt({ dealerName: opened.dealer.name, page, language });
}

type Rejection = 'not_on_page' | 'locked' | 'client_id_reused';

const REJECTIONS: Record<Rejection, Translations> = {
  not_on_page: {
    fr: "Ce compteur ne fait pas partie des relevés demandés sur cette page.",
    de: 'Dieser Zähler gehört nicht zu den auf dieser Seite verlangten Ablesungen.',
    it: 'Questo contatore non fa parte dei rilevamenti richiesti su questa pagina.',
    en: 'This counter is not one of the readings asked for on this page.',
  },
  locked: {
    fr: 'Ce compteur a déjà été transmis à votre fournisseur et ne peut plus être modifié.',
    de: 'Dieser Zählerstand wurde bereits an Ihren Händler übermittelt und kann nicht mehr geändert werden.',
    it: 'Questo contatore è già stato trasmesso al suo fornitore e non può più essere modificato.',
    en: 'This reading has already been sent to your dealer and can no longer be changed.',
  },
  client_id_reused: {
    fr: 'Cet identifiant de saisie a déjà servi pour une autre saisie.',
    de: 'Diese Erfassungskennung wurde bereits für eine andere Erfassung verwendet.',
    it: 'Questo identificativo è già stato usato per un altro inserimento.',
    en: 'This entry id was already used for another entry.',
  },
};

function rejected(clientId: string, code: Rejection, language: Language): MeterEntryResult {
  return { clientId, status: 'rejected', error: { code, message: REJECTIONS[code][language] } };
}

/** Thrown inside the transaction to undo it when a concurrent retry stored the same client id first. */
class AlreadyStored extends Error {}

/**
 * Applies the customer's entries one by one, each in its own transaction, and answers per entry.
 * A client id seen before gets its stored result back; a counter's entry for the period is
 * updated in place (one reading per counter and period) until the nightly job locks it.
 */
export async function submitEntries(deps: Pick<AppDeps, 'db' | 'clock'>, opened: OpenedLink, entries: readonly MeterEntry[]): Promise<MeterEntryResult[]> {
  const { db } = deps;
  const { link } = opened;
  const now = deps.clock();
  const sheet = await entrySheet(db, opened, now);
  const results: MeterEntryResult[] = [];
  for (const entry of entries) {
    results.push(await applyEntry(db, opened, sheet, entry, now));
  }
  if (results.some((result) => result.status === 'saved')) {
    await markLinkEvent(db, link.id, 'openedAt', now);
    await markLinkEvent(db, link.id, 'firstEntryAt', now);
    if (sheet.every((machine) => machine.counters.every(isDone))) await markLinkEvent(db, link.id, 'completedAt', now);
  }
  return results;
}

async function applyEntry(db: Db, opened: OpenedLink, sheet: SheetMachine[], entry: MeterEntry, now: Date): Promise<MeterEntryResult> {
  const { link, customer } = opened;
  const stored = await findStoredEntry(db, entry.clientId);
  if (stored) return stored.linkId === link.id ? stored.result : rejected(entry.clientId, 'client_id_reused', customer.language);
  const counter = sheet.find((machine) => machine.device.id === entry.deviceId)?.counters.find((c) => c.kind === entry.counter);
  if (!counter) return rejected(entry.clientId, 'not_on_page', customer.language);
  if (counter.entry?.lockedAt) return rejected(entry.clientId, 'locked', customer.language);
  try {
    const { result, saved } = await db.transaction(async (tx) => {
      const recorded = await recordReading(
        tx,
        {
          partnerId: link.partnerId,
          deviceId: entry.deviceId,
          counter: entry.counter,
          value: entry.value,
          takenAt: now,
          source: 'link',
          actor: `link:${link.id}`,
          idempotencyKey: entry.clientId,
          linkId: link.id,
          replaces: counter.entry?.id,
        },
        now,
      );
      const saved = recorded.reading ? { ...recorded.reading, reason: recorded.reason } : null;
      const result: MeterEntryResult = saved
        ? { clientId: entry.clientId, status: 'saved', entry: entryState(saved) }
        : { clientId: entry.clientId, status: 'refused', reason: recorded.reason };
      if (!(await storeEntry(tx, { clientId: entry.clientId, linkId: link.id, readingId: saved?.id ?? null, result }))) throw new AlreadyStored();
      return { result, saved };
    });
    if (saved) counter.entry = saved;
    return result;
  } catch (error) {
    if (error instanceof AlreadyStored) return applyEntry(db, opened, sheet, entry, now);
    if (error instanceof DomainError && error.code === 'locked') return rejected(entry.clientId, 'locked', customer.language);
    throw error;
  }
}

/** The customer's request to change a machine's location text: stored for the dealer, who is told. */
export async function requestLocationChange(
  deps: Pick<AppDeps, 'db' | 'clock' | 'mailer' | 'publicUrl'>,
  opened: OpenedLink,
  input: LocationChangeRequest,
): Promise<void> {
  const now = deps.clock();
  const sheet = await entrySheet(deps.db, opened, now);
  if (!sheet.some((machine) => machine.device.id === input.deviceId)) {
    throw new DomainError('link.machine_not_on_page', { field: 'deviceId' });
  }
  await receiveLocationRequest(deps, { partnerId: opened.link.partnerId, deviceId: input.deviceId, linkId: opened.link.id, location: input.location, message: input.message });
}
