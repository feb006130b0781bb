import { and, eq, inArray } from 'drizzle-orm';
import { alertForwarded } from '@parc/emails';
import { DomainError, localDateKey } from '@parc/shared';
import { alertText } from '@parc/shared/agents/alert-messages';
import type { ErrorEmail, ErrorIgnore, ErrorNote } from '@parc/shared/contracts/tickets';
import { errorEmailSchema, errorIgnoreSchema } from '@parc/shared/contracts/tickets';
import { messageFormat } from '@parc/shared/meters/messages';
import type { AppDeps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { customers, deviceAlertIgnores, deviceAlerts, devices } from '../../db/schema/index.ts';
import { loadDealerMail } from '../../mail/dealer.ts';
import type { SessionUser } from '../auth/access.ts';
import { logDeviceEvent } from '../devices/device-transfer.ts';

/**
 * What the dealer does about an error on the errors page: forward it by email, note something on
 * it, ignore it (for some days or for good) or follow it again. Each is written in the device's
 * history with who did it. An ignore is by the error's key on the device, so the same condition
 * reported again later stays ignored.
 */

async function alertOf(db: Db, user: SessionUser, alertId: string) {
  const [row] = await db
    .select({ alert: deviceAlerts, device: devices, customerNumber: customers.customerNumber })
    .from(deviceAlerts)
    .innerJoin(devices, eq(devices.id, deviceAlerts.deviceId))
    .innerJoin(customers, eq(customers.id, devices.customerId))
    .where(and(eq(deviceAlerts.id, alertId), eq(deviceAlerts.partnerId, user.partnerId), user.customerIds ? inArray(devices.customerId, user.customerIds) : undefined));
  if (!row) throw new DomainError('request.alert_not_found');
  return row;
}

/** The error in the history: the printer's own words, which no catalogue translates anyway. */
const named = (alert: { group: string; code: string; description: string }) => alert.description.trim() || `${alert.group} ${alert.code}`;

export async function forwardAlert(deps: Pick<AppDeps, 'db' | 'clock' | 'mailer' | 'publicUrl'>, user: SessionUser, alertId: string, body: ErrorEmail): Promise<void> {
  const input = errorEmailSchema.parse(body);
  const { alert, device, customerNumber } = await alertOf(deps.db, user, alertId);
  const dealer = await loadDealerMail(deps.db, user.partnerId);
  const format = messageFormat(input.language);
  const mail = alertForwarded({
    language: input.language,
    branding: dealer.branding,
    senderName: user.name,
    customerNumber,
    deviceCode: device.deviceCode,
    model: `${device.manufacturer} ${device.model}`,
    serial: device.serial,
    location: device.location,
    alert: alertText(alert, alert.description, input.language),
    since: format.date(localDateKey(alert.openedAt, dealer.timeZone)),
    message: input.message,
    deviceUrl: `${deps.publicUrl}/console/devices/${device.id}`,
  });
  // Every address or none: a half-sent forward would leave the history saying less than happened.
  for (const to of input.to) await deps.mailer.send({ to, ...mail, ...dealer.headers, replyTo: user.email });
  const detail = [`${named(alert)} → ${input.to.join(', ')}`, input.message].filter(Boolean).join(' · ');
  await logDeviceEvent(deps.db, user, device.id, 'alert_emailed', deps.clock(), detail);
}

export async function noteAlert(deps: Pick<AppDeps, 'db' | 'clock'>, user: SessionUser, alertId: string, input: ErrorNote): Promise<void> {
  const { alert, device } = await alertOf(deps.db, user, alertId);
  await logDeviceEvent(deps.db, user, device.id, 'alert_noted', deps.clock(), `${named(alert)} · ${input.text}`);
}

export async function ignoreAlert(deps: Pick<AppDeps, 'db' | 'clock'>, user: SessionUser, alertId: string, body: ErrorIgnore): Promise<{ until: Date | null }> {
  const input = errorIgnoreSchema.parse(body);
  const { alert, device } = await alertOf(deps.db, user, alertId);
  const now = deps.clock();
  const until = input.days === null ? null : new Date(now.getTime() + input.days * 86_400_000);
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(deviceAlertIgnores)
      .values({ partnerId: user.partnerId, deviceId: device.id, key: alert.key, until, by: user.email, at: now })
      .onConflictDoUpdate({ target: [deviceAlertIgnores.deviceId, deviceAlertIgnores.key], set: { until, by: user.email, at: now } });
    // A day (ISO, read the same in every language) or ∞ for good.
    const when = until ? `→ ${until.toISOString().slice(0, 10)}` : '→ ∞';
    await logDeviceEvent(tx, user, device.id, 'alert_ignored', now, [`${named(alert)} · ${when}`, input.note].filter(Boolean).join(' · '));
  });
  return { until };
}

export async function followAlert(deps: Pick<AppDeps, 'db' | 'clock'>, user: SessionUser, alertId: string): Promise<void> {
  const { alert, device } = await alertOf(deps.db, user, alertId);
  await deps.db.transaction(async (tx) => {
    const removed = await tx
      .delete(deviceAlertIgnores)
      .where(and(eq(deviceAlertIgnores.deviceId, device.id), eq(deviceAlertIgnores.key, alert.key)))
      .returning({ key: deviceAlertIgnores.key });
    if (removed.length > 0) await logDeviceEvent(tx, user, device.id, 'alert_unignored', deps.clock(), named(alert));
  });
}
