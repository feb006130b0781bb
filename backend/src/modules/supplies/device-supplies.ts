import type { DeviceSupplies } from '@parc/shared/contracts/supplies';
import { isInFlight } from '@parc/shared/supplies/kinds';
import type { Db } from '../../db/client.ts';
import type { SessionUser } from '../auth/access.ts';
import { getDevice } from '../devices/devices.service.ts';
import { findOrderViews, ordersOfSupplies } from './orders.repo.ts';
import { customerTimeZone, deviceSupplyRows, levelHistory, openAlarmsOf, replacementsOf } from './supplies.repo.ts';
import { supplyForecast } from './supplies.evaluate.ts';
import { stockOfDevice } from './stocks.repo.ts';

const DAY_MS = 86_400_000;
/** The forecast fits on the last 120 days; a cycle may have begun before them. */
const HISTORY_DAYS = 400;

/** A device's supplies as its page shows them: level, identity, days to empty as a range, the order on its way, open alarms, how many its local stock holds; and its orders. */
export async function deviceSuppliesView(db: Db, user: SessionUser, deviceId: string, now: Date): Promise<DeviceSupplies> {
  const device = await getDevice(db, user, deviceId);
  const supplies = await deviceSupplyRows(db, device.id);
  const indexes = supplies.map((supply) => supply.supplyIndex);
  const since = new Date(now.getTime() - HISTORY_DAYS * DAY_MS);
  const [history, replacements, orderRows, alarms, timeZone, stock] = await Promise.all([
    levelHistory(db, device.id, indexes, since),
    replacementsOf(db, device.id, since),
    ordersOfSupplies(db, device.id, indexes),
    openAlarmsOf(db, device.id),
    customerTimeZone(db, device.customerId),
    stockOfDevice(db, device.id),
  ]);
  const orders = await findOrderViews(db, user.partnerId, orderRows.map((row) => row.id));
  return {
    items: supplies.map((supply) => {
      const levels = history.filter((row) => row.supplyIndex === supply.supplyIndex).map((row) => ({ at: row.readAt, percent: row.percent }));
      // The level shown is a measurement too, when the history lacks it (supplies entered without their reads).
      if (supply.percent !== null && !levels.some((point) => point.at.getTime() === supply.readAt.getTime())) levels.push({ at: supply.readAt, percent: supply.percent });
      const ops = replacements.filter((row) => row.supplyIndex === supply.supplyIndex && row.detectedBy === 'technician').map((row) => row.replacedAt);
      const forecast = supply.kind ? supplyForecast(supply, levels, ops, now, timeZone) : null;
      return {
        index: supply.supplyIndex,
        name: supply.description,
        kind: supply.kind,
        colour: supply.colour,
        percent: supply.percent,
        state: supply.state,
        partNumber: supply.partNumber,
        serial: supply.serial,
        readAt: supply.readAt.toISOString(),
        supplyModelId: supply.supplyModelId,
        ratedYield: supply.ratedYield,
        stockQuantity: stock && supply.supplyModelId ? (stock.quantities.get(supply.supplyModelId) ?? null) : null,
        forecast: forecast && {
          basis: forecast.basis,
          p50Days: forecast.p50Days,
          p90Days: forecast.p90Days,
          p50Date: forecast.p50Date,
          p90Date: forecast.p90Date,
          reasons: forecast.reasons,
          historyDays: forecast.historyDays,
        },
        order: orders.find((order) => order.supplyIndex === supply.supplyIndex && isInFlight(order.status)) ?? null,
        alarms: alarms
          .filter((alarm) => alarm.supplyIndex === supply.supplyIndex)
          .map((alarm) => ({ id: alarm.id, code: alarm.code, params: alarm.params, openedAt: alarm.openedAt.toISOString() })),
      };
    }),
    orders,
    localStock: stock ? { id: stock.id, name: stock.name } : null,
  };
}
