import { notice, noticeDigest, NOTICE_TEXTS, type NoticeText } from '@parc/emails';
import type { Language } from '@parc/shared';
import { effectiveRule, ruleWants, thresholdReached, type NoticeCategory, type NoticeFrequency, type NoticeRule } from '@parc/shared/notifications/categories';
import { fillSubject, writeFacts } from '@parc/shared/notifications/templates';
import { nextDueAt } from '@parc/shared/reports/period';
import type { AppDeps } from '../../deps.ts';
import { contactLanguage, loadDealerMail, type DealerMail } from '../../mail/dealer.ts';
import { eventsSince, type EventFilter, type NoticeEvent } from './events.repo.ts';
import * as repo from './notices.repo.ts';
import { rulesOf, type DealerRules } from './rules.repo.ts';
import { framesOf, editedTemplates } from './templates.repo.ts';

/**
 * The one writer of notices. `collectNotices` reads what happened (from the tables other modules
 * write), asks each customer's rule whether and whom to tell, and records one notice per event with
 * a delivery per address; `sendDueNotices` sends what is due: immediate notices one by one, digests
 * as one email per address grouping its notices by customer. Both run in the `notices` job.
 */

/** How far back events are looked for: a server down for a day still tells what happened meanwhile. */
export const NOTICE_LOOKBACK_MS = 2 * 24 * 3_600_000;

type Deps = Pick<AppDeps, 'db' | 'mailer' | 'publicUrl'>;

function recipientsOf(rule: NoticeRule, event: NoticeEvent, audience: repo.DealerAudience): { email: string; language: Language }[] {
  const found = new Map<string, Language>();
  const add = (email: string, language: string) => {
    const key = email.trim().toLowerCase();
    if (!found.has(key)) found.set(key, contactLanguage(language));
  };
  for (const user of repo.usersWithRoles(audience, rule.roles)) add(user.email, user.language);
  if (rule.siteCoordinator && event.siteCoordinatorId) {
    const coordinator = audience.coordinators.get(event.siteCoordinatorId);
    if (coordinator) add(coordinator.email, coordinator.language);
  }
  if (rule.customerCoordinator && event.customerId) {
    for (const coordinator of audience.coordinators.values()) if (coordinator.customerId === event.customerId && coordinator.isMain) add(coordinator.email, coordinator.language);
  }
  for (const address of rule.addresses) add(address, audience.language);
  return [...found].map(([email, language]) => ({ email, language }));
}

function dueAtOf(rule: NoticeRule, now: Date, timeZone: string): Date {
  if (rule.frequency === 'immediate') return now;
  return nextDueAt({ frequency: rule.frequency, day: 1 }, now, timeZone);
}

export async function collectNotices(deps: Pick<AppDeps, 'db'>, now: Date, only: EventFilter = {}): Promise<{ recorded: number; told: number; failed: number }> {
  const events = await eventsSince(deps.db, { since: new Date(now.getTime() - NOTICE_LOOKBACK_MS), now }, only);
  const dealers = new Map<string, { rules: DealerRules; audience: repo.DealerAudience | null }>();
  let recorded = 0;
  let told = 0;
  let failed = 0;
  for (const event of events) {
    try {
      const outcome = await collectOne(deps, event, now, dealers);
      if (outcome !== 'skipped') recorded += 1;
      if (outcome === 'told') told += 1;
    } catch (error) {
      // One dealer's bad data (a time zone, a row) never stops the others' notices.
      console.error('Notice not recorded', event.category, event.eventKey, error);
      failed += 1;
    }
  }
  return { recorded, told, failed };
}

async function collectOne(deps: Pick<AppDeps, 'db'>, event: NoticeEvent, now: Date, dealers: Map<string, { rules: DealerRules; audience: repo.DealerAudience | null }>): Promise<'told' | 'silent' | 'skipped'> {
  if (!dealers.has(event.partnerId)) dealers.set(event.partnerId, { rules: await rulesOf(deps.db, event.partnerId), audience: await repo.audienceOf(deps.db, event.partnerId) });
  const { rules, audience } = dealers.get(event.partnerId)!;
  if (!audience) return 'skipped';
  const own = event.customerId ? rules.byCustomer.get(event.customerId)?.get(event.category) : undefined;
  const { rule } = effectiveRule(event.category, rules.dealer.get(event.category), own);
  // Under its threshold (an agent silent for less, a supply above the level) it is no event yet; an
  // agent that went past it before the last two days was told then, or before notices existed.
  if (!thresholdReached(rule, event.filter, NOTICE_LOOKBACK_MS / 3_600_000)) return 'skipped';
  // An event the rule does not want is still recorded, without recipients: switching the rule on
  // later tells what happens from then on, not what was silenced before.
  const recipients = ruleWants(rule, event.filter) ? recipientsOf(rule, event, audience) : [];
  const dueAt = dueAtOf(rule, now, audience.timeZone);
  const recordedNow = await repo.recordNotice(
    deps.db,
    { partnerId: event.partnerId, customerId: event.customerId, category: event.category, eventKey: event.eventKey, facts: event.facts, path: event.path, createdAt: now },
    recipients.map((recipient) => ({ ...recipient, frequency: rule.frequency, dueAt })),
  );
  if (!recordedNow) return 'skipped';
  return recipients.length > 0 ? 'told' : 'silent';
}

/**
 * Collects and sends at once, for an event a person is waiting on (a customer's location request):
 * its immediate notices leave before the answer, not at the job's next run. A failure is logged and
 * left to the job.
 */
export async function tellNow(deps: Deps & Pick<AppDeps, 'clock'>, event: { partnerId: string; category: NoticeCategory }): Promise<void> {
  try {
    const now = deps.clock();
    await collectNotices(deps, now, { partnerId: event.partnerId, categories: [event.category] });
    await sendDueNotices(deps, now, { partnerId: event.partnerId, frequency: 'immediate' });
  } catch (error) {
    console.error('Notices failed; the notices job will try again', error);
  }
}

/** A dealer's words for its notices: its edited templates, header and footer, by language. */
export interface DealerWording {
  mail: DealerMail;
  name: string;
  text(category: NoticeEvent['category'], language: Language): NoticeText;
  frame(language: Language): { header: string; footer: string };
}

export async function dealerWording(deps: Pick<AppDeps, 'db'>, partnerId: string): Promise<DealerWording> {
  const [mail, edited, frames, name] = await Promise.all([loadDealerMail(deps.db, partnerId), editedTemplates(deps.db, partnerId), framesOf(deps.db, partnerId), repo.partnerName(deps.db, partnerId)]);
  return {
    mail,
    name,
    text: (category, language) => edited.find((row) => row.category === category && row.language === language) ?? NOTICE_TEXTS[category][language],
    frame: (language) => frames.find((row) => row.language === language) ?? { header: '', footer: '' },
  };
}

/** The values a template's placeholders take for one notice, in one reader's language. */
export function noticeValues(wording: DealerWording, facts: repo.ClaimedDelivery['notice']['facts'], language: Language): Record<string, string> {
  return { ...writeFacts(facts, language, wording.mail.timeZone), 'dealer.name': wording.name };
}

export async function sendDueNotices(deps: Deps, now: Date, only: { partnerId?: string; frequency?: NoticeFrequency } = {}): Promise<{ emails: number; failed: number }> {
  const claimed = await repo.claimDueDeliveries(deps.db, now, only);
  const wordings = new Map<string, Promise<DealerWording>>();
  const wordingOf = (partnerId: string) => {
    if (!wordings.has(partnerId)) wordings.set(partnerId, dealerWording(deps, partnerId));
    return wordings.get(partnerId)!;
  };
  // One email per immediate delivery; one per address and frequency for digests.
  const parcels = new Map<string, repo.ClaimedDelivery[]>();
  for (const delivery of claimed) {
    const key = delivery.frequency === 'immediate' ? delivery.id : `${delivery.partnerId}|${delivery.email}|${delivery.frequency}|${delivery.language}`;
    parcels.set(key, [...(parcels.get(key) ?? []), delivery]);
  }
  let emails = 0;
  let failed = 0;
  for (const parcel of parcels.values()) {
    const first = parcel[0]!;
    try {
      const wording = await wordingOf(first.partnerId);
      const language = first.language;
      const frame = wording.frame(language);
      const common = { language, branding: wording.mail.branding, ...frame };
      const mail =
        first.frequency === 'immediate'
          ? notice({ ...common, text: wording.text(first.notice.category, language), values: noticeValues(wording, first.notice.facts, language), link: `${deps.publicUrl}${first.notice.path}` })
          : noticeDigest({ ...common, frequency: first.frequency, groups: digestGroups(parcel, wording, language), consoleUrl: `${deps.publicUrl}/console` });
      await deps.mailer.send({ to: first.email, ...mail, ...wording.mail.headers });
      await repo.markSent(deps.db, parcel.map((delivery) => delivery.id), now);
      emails += 1;
    } catch (error) {
      console.error('Notice failed', error);
      failed += 1;
      await repo.releaseDeliveries(deps.db, parcel.map((delivery) => delivery.id));
    }
  }
  return { emails, failed };
}

/** A digest's notices by customer (in customer number order), each as its template's subject. */
function digestGroups(parcel: readonly repo.ClaimedDelivery[], wording: DealerWording, language: Language) {
  const groups = new Map<string | null, string[]>();
  const ordered = [...parcel].sort((a, b) => (a.notice.customerNumber ?? '').localeCompare(b.notice.customerNumber ?? '', undefined, { numeric: true }) || a.notice.createdAt.getTime() - b.notice.createdAt.getTime());
  for (const delivery of ordered) {
    const subject = fillSubject(wording.text(delivery.notice.category, language).subject, noticeValues(wording, delivery.notice.facts, language));
    const customer = delivery.notice.customerNumber;
    groups.set(customer, [...(groups.get(customer) ?? []), subject]);
  }
  return [...groups].map(([customer, subjects]) => ({ customer, subjects }));
}
