import { DomainError } from '@parc/shared';
import type { FleetSupplyAlarm, SupplyAlarmListQuery } from '@parc/shared/contracts/supplies';
import type { Page } from '@parc/shared/contracts/paging';
import type { Db } from '../../db/client.ts';
import type { SessionUser } from '../auth/access.ts';
import { listOpenAlarms, resolveAlarm } from './supplies.repo.ts';

/** The fleet's open supply alarms, as the errors page lists them. */
export async function listSupplyAlarms(db: Db, user: SessionUser, query: SupplyAlarmListQuery & { page: number; pageSize: number }): Promise<Page<FleetSupplyAlarm>> {
  const { rows, total } = await listOpenAlarms(db, user.partnerId, query);
  return {
    items: rows.map((row) => ({
      id: row.alarm.id,
      code: row.alarm.code,
      params: row.alarm.params,
      openedAt: row.alarm.openedAt.toISOString(),
      supplyIndex: row.alarm.supplyIndex,
      supplyName: row.supplyName,
      device: { ...row.device, customerName: row.customerName },
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function settleSupplyAlarm(db: Db, user: SessionUser, id: string, now: Date): Promise<void> {
  if (!(await resolveAlarm(db, user.partnerId, id, user.id, now))) throw new DomainError('supply_alarm.not_found');
}
