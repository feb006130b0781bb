import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { COUNTER_KINDS, DEFAULT_ACCEPTANCE_POLICY, type CounterKind } from '@parc/shared';
import type { AgentSample, SampleResult } from '@parc/shared/contracts/agents';
import type { PrinterReading } from '@parc/shared/agents/reading';
import type { Db } from '../../db/client.ts';
import { agentSamples, counters, deviceAgentStates, deviceAlerts, devices, deviceSupplies, deviceSupplyLevels, pendingDevices } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { recordReading } from '../readings/readings.writer.ts';
import { catalogueEntries } from '../supplies/supplies.catalogue.ts';
import { evaluateSupplies } from '../supplies/supplies.evaluate.ts';
import { supplyIdentity } from '@parc/shared/supplies/identity';
import type { AuthenticatedAgent } from './agent-auth.ts';
import { normaliseMac, sampleCounterClientId, serialKey } from './agents.domain.ts';
import { findSettings } from './agents.repo.ts';
import { notifyAfterSamples } from '../supplies/order-notices.ts';
import type { AgentSettings } from './agents.schemas.ts';

type DeviceRow = typeof devices.$inferSelect;

/** A sample's clock may run a little ahead of ours; beyond this it is refused (the agent computer's clock is wrong). */

/** What happened to each counter of a sample: the plausibility verdict, or why it was not recorded. */
export type CounterOutcome =
  | { counter: CounterKind; value: number; verdict: 'plausible' | 'to_check' | 'refused'; reason: unknown }
  | { counter: CounterKind; value: number; verdict: 'not_tracked' };

/**
 * Lets every request already waiting run before the next chunk of an agent's batch: on the embedded
 * database (one connection) a batch applied in one go would hold everyone else back until it ends.
 */
export function yieldToOthers(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Applies an agent's batch, one short transaction per sample with a pause for waiting requests
 * between them, and answers per sample. The ledger row is written first, so a sample sent twice
 * (even concurrently) is applied once and answered `duplicate`.
 */
export async function applySamples(deps: Pick<AppDeps, 'db' | 'clock' | 'mailer' | 'publicUrl'>, agent: AuthenticatedAgent, samples: readonly AgentSample[]): Promise<SampleResult[]> {
  const settings = await findSettings(deps.db, agent.partnerId);
  const results: SampleResult[] = [];
  const placedOrders: string[] = [];
  for (const sample of samples) {
    await yieldToOthers();
    results.push(await applySample(deps, agent, settings, sample, placedOrders));
  }
  // Once committed: an order's email never goes out for a sample that was rolled back.
  await notifyAfterSamples(deps, agent.partnerId, placedOrders);
  return results;
}

async function applySample(deps: Pick<AppDeps, 'db' | 'clock'>, agent: AuthenticatedAgent, settings: AgentSettings, sample: AgentSample, placedOrders: string[]): Promise<SampleResult> {
  const now = deps.clock();
  const takenAt = new Date(sample.takenAt);
  const placed: string[] = [];
  const result = await deps.db.transaction(async (tx) => {
    const serial = sample.reading.serial?.trim() || null;
    const [claimed] = await tx
      .insert(agentSamples)
      .values({ sampleId: sample.sampleId, partnerId: agent.partnerId, agentId: agent.agentId, takenAt, receivedAt: now, serial })
      .onConflictDoNothing()
      .returning({ sampleId: agentSamples.sampleId });
    if (!claimed) return answerSeenBefore(tx, agent, sample.sampleId);

    const settle = async (result: SampleResult, extra: { deviceId?: string; counters?: CounterOutcome[] } = {}) => {
      await tx
        .update(agentSamples)
        .set({ result, deviceId: extra.deviceId ?? null, counters: extra.counters ? { outcomes: extra.counters } : null })
        .where(eq(agentSamples.sampleId, sample.sampleId));
      return result;
    };
    const rejected = (message: string) => settle({ sampleId: sample.sampleId, status: 'rejected', message });

    // The acceptance policy's own drift allowance: a future sample says nothing true about counters, supplies or alerts.
    if (takenAt.getTime() > now.getTime() + DEFAULT_ACCEPTANCE_POLICY.futureToleranceMs) return rejected('takenAt is in the future: check the clock of the agent computer.');
    // A printer is known by its serial, never by its IP: DHCP moves addresses between machines.
    if (!serial) return rejected('The printer gave no serial number, so it cannot be matched to a device.');

    const device = await findActiveDeviceBySerial(tx, agent.partnerId, serial, agent.customerId);
    if (device) {
      const outcomes = await applyReadingToDevice(tx, { agentId: agent.agentId, settings, now, placedOrders: placed }, device, { ...sample, takenAt });
      const message = describeOutcomes(outcomes);
      return settle({ sampleId: sample.sampleId, status: 'accepted', ...(message ? { message } : {}) }, { deviceId: device.id, counters: outcomes });
    }
    const pending = await placeUnknownSerial(tx, agent, {
      serial,
      ip: sample.ip,
      seenAt: takenAt,
      reading: sample.reading,
      sampleId: sample.sampleId,
    });
    return settle({ sampleId: sample.sampleId, status: 'pending_device', message: pending.message });
  });
  placedOrders.push(...placed);
  return result;
}

async function answerSeenBefore(tx: Db, agent: AuthenticatedAgent, sampleId: string): Promise<SampleResult> {
  const [seen] = await tx.select({ agentId: agentSamples.agentId }).from(agentSamples).where(eq(agentSamples.sampleId, sampleId));
  return seen?.agentId === agent.agentId
    ? { sampleId, status: 'duplicate' }
    : { sampleId, status: 'rejected', message: 'This sampleId was already used by another agent; make a new UUID per sample.' };
}

/** The partner's active device with this serial, preferring one of `customerId`. */
export async function findActiveDeviceBySerial(db: Db, partnerId: string, serial: string, customerId: string): Promise<DeviceRow | null> {
  const rows = await db
    .select()
    .from(devices)
    .where(and(eq(devices.partnerId, partnerId), eq(devices.active, true), sql`upper(trim(${devices.serial})) = ${serialKey(serial)}`));
  return rows.find((row) => row.customerId === customerId) ?? null;
}

export interface Sighting {
  serial: string;
  ip: string | null;
  seenAt: Date;
  mac?: string | null;
  manufacturer?: string | null;
  model?: string | null;
  /** Present for samples, absent for discovery sightings. */
  reading?: PrinterReading;
  sampleId?: string;
}

/** What the agent is told about a printer that is no device of its customer: the same words whatever the dealer holds elsewhere. */
export const UNKNOWN_SERIAL_MESSAGE = 'Unknown serial: waits in devices to add.';

/**
 * Sightings of serials that are no active device of the agent's customer go to "devices to add", in
 * one query for the devices and one upsert. When a serial is an active device of another customer of
 * the partner, the entry is flagged with it and the device stays where it is: only the dealer moves a
 * device between customers (pending.service.ts decideReported), and the agent hears nothing about it.
 * Sightings of the customer's own devices are skipped. Returns how many entries were written.
 */
export async function placeSightings(tx: Db, agent: AuthenticatedAgent, sightings: readonly Sighting[]): Promise<number> {
  const keys = [...new Set(sightings.map((sighting) => serialKey(sighting.serial)))];
  if (keys.length === 0) return 0;
  const known = await tx
    .select({ id: devices.id, customerId: devices.customerId, key: sql<string>`upper(trim(${devices.serial}))` })
    .from(devices)
    .where(and(eq(devices.partnerId, agent.partnerId), eq(devices.active, true), inArray(sql`upper(trim(${devices.serial}))`, keys)));
  // One entry per serial: the newest sighting of it in this batch (one upsert may not touch a row twice).
  const newest = new Map<string, Sighting>();
  for (const sighting of sightings) {
    const key = sighting.serial;
    const seen = newest.get(key);
    if (!seen || seen.seenAt.getTime() <= sighting.seenAt.getTime()) newest.set(key, sighting);
  }
  const rows = [...newest.values()].flatMap((sighting) => {
    const matches = known.filter((row) => row.key === serialKey(sighting.serial));
    if (matches.some((row) => row.customerId === agent.customerId)) return [];
    const reading = sighting.reading;
    return [
      {
        partnerId: agent.partnerId,
        customerId: agent.customerId,
        serial: sighting.serial,
        firstSeenAt: sighting.seenAt,
        agentId: agent.agentId,
        mac: normaliseMac(reading?.mac ?? sighting.mac ?? null),
        manufacturer: reading?.manufacturer ?? sighting.manufacturer ?? null,
        model: reading?.model ?? sighting.model ?? null,
        ip: sighting.ip,
        lastSeenAt: sighting.seenAt,
        otherCustomerDeviceId: matches[0]?.id ?? null,
        latestSampleId: reading ? (sighting.sampleId ?? null) : null,
        latestTakenAt: reading ? sighting.seenAt : null,
        latestReading: reading ?? null,
      },
    ];
  });
  if (rows.length === 0) return 0;
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  await tx
    .insert(pendingDevices)
    .values(rows)
    .onConflictDoUpdate({
      target: [pendingDevices.customerId, pendingDevices.serial],
      targetWhere: isNull(pendingDevices.assignedAt),
      set: {
        agentId: excluded('agent_id'),
        mac: excluded('mac'),
        manufacturer: excluded('manufacturer'),
        model: excluded('model'),
        ip: excluded('ip'),
        lastSeenAt: excluded('last_seen_at'),
        otherCustomerDeviceId: excluded('other_customer_device_id'),
        // A discovery sighting says nothing new about counters: the newest sample's stay.
        latestSampleId: sql`coalesce(${excluded('latest_sample_id')}, ${pendingDevices.latestSampleId})`,
        latestTakenAt: sql`case when ${excluded('latest_reading')} is null then ${pendingDevices.latestTakenAt} else ${excluded('latest_taken_at')} end`,
        latestReading: sql`coalesce(${excluded('latest_reading')}, ${pendingDevices.latestReading})`,
      },
      // Samples drain oldest first, but a late one must not replace a newer view.
      setWhere: sql`${pendingDevices.lastSeenAt} <= ${excluded('last_seen_at')}`,
    });
  return rows.length;
}

/** One sample's serial that is no active device of the agent's customer: see placeSightings. */
export async function placeUnknownSerial(tx: Db, agent: AuthenticatedAgent, sighting: Sighting): Promise<{ message: string }> {
  await placeSightings(tx, agent, [sighting]);
  return { message: UNKNOWN_SERIAL_MESSAGE };
}

/** The agent that read the sample (null when it has been deleted since) and the partner's options. */
export interface ApplyContext {
  agentId: string | null;
  settings: AgentSettings;
  /** The server's clock: the acceptance policy refuses values dated after it. */
  now: Date;
  /** Collects the supply orders the sample placed, to notify once committed. */
  placedOrders: string[];
}

export interface DeviceSample {
  sampleId: string;
  takenAt: Date;
  ip: string | null;
  reading: PrinterReading;
}

/**
 * Everything one sample says about a known device: counters through the same plausibility check as
 * manual readings (a counter going backwards is refused and reported, a jump is flagged to_check),
 * then, when it is the device's newest sample, supplies, alerts and identity (IP, MAC, firmware).
 */
export async function applyReadingToDevice(
  tx: Db,
  context: ApplyContext,
  device: DeviceRow,
  sample: DeviceSample,
): Promise<CounterOutcome[]> {
  const outcomes = await recordCounters(tx, context, device, sample);
  const [newer] = await tx
    .select({ deviceId: deviceAgentStates.deviceId })
    .from(deviceAgentStates)
    .where(and(eq(deviceAgentStates.deviceId, device.id), gt(deviceAgentStates.sampledAt, sample.takenAt)));
  if (newer) return outcomes;
  const placed = await updateSupplies(tx, device, sample, context.now);
  context.placedOrders.push(...placed);
  await updateAlerts(tx, device, sample);
  await updateIdentity(tx, context, device, sample);
  return outcomes;
}

async function recordCounters(tx: Db, { agentId, now }: ApplyContext, device: DeviceRow, sample: DeviceSample): Promise<CounterOutcome[]> {
  const tracked = await tx
    .select({ kind: counters.kind })
    .from(counters)
    .where(and(eq(counters.deviceId, device.id), eq(counters.active, true)));
  const outcomes: CounterOutcome[] = [];
  for (const kind of COUNTER_KINDS) {
    const value = sample.reading.counters[kind];
    if (value === null || value === undefined) continue;
    if (!tracked.some((row) => row.kind === kind)) {
      outcomes.push({ counter: kind, value, verdict: 'not_tracked' });
      continue;
    }
    const recorded = await recordReading(
      tx,
      {
        partnerId: device.partnerId,
        deviceId: device.id,
        counter: kind,
        value,
        takenAt: sample.takenAt,
        source: 'agent',
        actor: `agent:${agentId ?? 'deleted'}`,
        idempotencyKey: sampleCounterClientId(sample.sampleId, kind),
      },
      now,
    );
    outcomes.push({ counter: kind, value, verdict: recorded.verdict, reason: recorded.reason });
  }
  return outcomes;
}

/** The answer's message: the counters a person should look at, or nothing when all is well. */
export function describeOutcomes(outcomes: readonly CounterOutcome[]): string | undefined {
  const parts = outcomes.flatMap((outcome) => {
    if (outcome.verdict === 'refused') {
      const reason = outcome.reason as { code: string; params: { lastValue?: number } };
      const last = reason.params.lastValue !== undefined ? ` (last reading ${reason.params.lastValue})` : '';
      return [`${outcome.counter} ${outcome.value} refused: ${reason.code}${last}`];
    }
    if (outcome.verdict === 'to_check') return [`${outcome.counter} ${outcome.value} flagged to check: ${(outcome.reason as { code: string }).code}`];
    return [];
  });
  return parts.length ? parts.join('; ') : undefined;
}

const whole = (value: number | null) => (value === null ? null : Math.round(value));

/**
 * The sample's supplies in three statements whatever their number: the stored levels, one upsert of
 * every supply, one insert of the levels that changed; the catalogue is asked only about supplies it
 * has not placed yet. A supply listed twice counts once (the last). Then the supplies module judges
 * the changes (replacements, checks, automatic orders); answers the orders placed.
 */
async function updateSupplies(tx: Db, device: DeviceRow, sample: DeviceSample, now: Date): Promise<string[]> {
  const supplies = [...new Map(sample.reading.supplies.map((supply) => [supply.index, supply])).values()];
  if (supplies.length === 0) return [];
  const previous = new Map(
    (
      await tx
        .select({
          index: deviceSupplies.supplyIndex,
          description: deviceSupplies.description,
          level: deviceSupplies.level,
          percent: deviceSupplies.percent,
          serial: deviceSupplies.serial,
          supplyModelId: deviceSupplies.supplyModelId,
          readAt: deviceSupplies.readAt,
        })
        .from(deviceSupplies)
        .where(eq(deviceSupplies.deviceId, device.id))
    ).map((row) => [row.index, row]),
  );
  const unplaced = supplies.filter((supply) => {
    const before = previous.get(supply.index);
    return !before?.supplyModelId || before.description !== supply.description;
  });
  const catalogue = await catalogueEntries(tx, device, unplaced, now);
  const rows = supplies.map((supply) => {
    const { partNumber, serial } = supplyIdentity(supply.description);
    return {
      partnerId: device.partnerId,
      deviceId: device.id,
      supplyIndex: supply.index,
      description: supply.description,
      type: supply.type,
      colour: supply.colour,
      level: whole(supply.level),
      max: whole(supply.max),
      percent: supply.percent,
      state: supply.state,
      partNumber,
      serial,
      supplyModelId: catalogue.get(supply.index)?.supplyModelId ?? previous.get(supply.index)?.supplyModelId ?? null,
      readAt: sample.takenAt,
    };
  });
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  await tx
    .insert(deviceSupplies)
    .values(rows)
    .onConflictDoUpdate({
      target: [deviceSupplies.deviceId, deviceSupplies.supplyIndex],
      set: {
        description: excluded('description'),
        type: excluded('type'),
        colour: excluded('colour'),
        level: excluded('level'),
        max: excluded('max'),
        percent: excluded('percent'),
        state: excluded('state'),
        partNumber: excluded('part_number'),
        serial: excluded('serial'),
        supplyModelId: excluded('supply_model_id'),
        readAt: excluded('read_at'),
      },
    });
  // History only on change: enough for forecasts, without a row per supply every few hours.
  const changed = rows.filter((row) => {
    const before = previous.get(row.supplyIndex);
    return !before || before.level !== row.level || before.percent !== row.percent || before.serial !== row.serial;
  });
  if (changed.length) {
    await tx
      .insert(deviceSupplyLevels)
      .values(changed.map((row) => ({ partnerId: row.partnerId, deviceId: row.deviceId, supplyIndex: row.supplyIndex, level: row.level, percent: row.percent, serial: row.serial, readAt: sample.takenAt })));
  }
  return evaluateSupplies(
    tx,
    device,
    changed.map((row) => {
      const before = previous.get(row.supplyIndex);
      return { supplyIndex: row.supplyIndex, before: before ? { percent: before.percent, serial: before.serial, readAt: before.readAt } : null };
    }),
    sample.takenAt,
    now,
  );
}

/** hrPrinterDetectedErrorState flags that stop the printer; the others (low toner, low paper…) are warnings. */
const CRITICAL_STATUS_FLAGS = new Set(['noPaper', 'noToner', 'doorOpen', 'jammed', 'offline', 'serviceRequested', 'inputTrayMissing', 'outputTrayMissing', 'markerSupplyMissing', 'outputFull']);

interface CurrentAlert {
  key: string;
  severity: 'critical' | 'warning' | 'other';
  group: string;
  code: string;
  description: string;
}

/** The conditions a reading reports, one per key: prtAlertTable rows and hrPrinterDetectedErrorState flags. */
export function currentAlerts(reading: PrinterReading): CurrentAlert[] {
  const all: CurrentAlert[] = [
    ...reading.alerts.map((alert) => ({ key: `alert:${alert.group}:${alert.code}`, ...alert })),
    ...reading.status.errors.map((flag) => ({
      key: `status:${flag}`,
      severity: CRITICAL_STATUS_FLAGS.has(flag) ? ('critical' as const) : ('warning' as const),
      group: 'status',
      code: flag,
      description: flag,
    })),
  ];
  return all.filter((alert, index) => all.findIndex((other) => other.key === alert.key) === index);
}

async function updateAlerts(tx: Db, device: DeviceRow, sample: DeviceSample): Promise<void> {
  const current = currentAlerts(sample.reading);
  const open = await tx
    .select({ id: deviceAlerts.id, key: deviceAlerts.key })
    .from(deviceAlerts)
    .where(and(eq(deviceAlerts.deviceId, device.id), isNull(deviceAlerts.clearedAt)));
  for (const alert of open.filter((row) => !current.some((now) => now.key === row.key))) {
    await tx.update(deviceAlerts).set({ clearedAt: sample.takenAt }).where(eq(deviceAlerts.id, alert.id));
  }
  for (const alert of current) {
    const existing = open.find((row) => row.key === alert.key);
    if (existing) await tx.update(deviceAlerts).set({ lastSeenAt: sample.takenAt, description: alert.description }).where(eq(deviceAlerts.id, existing.id));
    else await tx.insert(deviceAlerts).values({ partnerId: device.partnerId, deviceId: device.id, ...alert, openedAt: sample.takenAt, lastSeenAt: sample.takenAt });
  }
}

async function updateIdentity(tx: Db, context: ApplyContext, device: DeviceRow, sample: DeviceSample): Promise<void> {
  const mac = normaliseMac(sample.reading.mac);
  const changes: Partial<DeviceRow> = {};
  if (sample.ip && sample.ip !== device.ip) {
    changes.ip = sample.ip;
    // The seed's option: without it, a device whose address changed must be located again.
    if (device.ip && !context.settings.keepLocationOnIpChange) changes.location = null;
  }
  if (mac && mac !== device.mac) changes.mac = mac;
  if (Object.keys(changes).length) await tx.update(devices).set(changes).where(eq(devices.id, device.id));
  const state = {
    agentId: context.agentId,
    sampledAt: sample.takenAt,
    ip: sample.ip,
    firmware: sample.reading.firmware,
    printerStatus: sample.reading.status.printer,
    warnings: sample.reading.warnings,
  };
  await tx
    .insert(deviceAgentStates)
    .values({ deviceId: device.id, partnerId: device.partnerId, ...state })
    .onConflictDoUpdate({ target: deviceAgentStates.deviceId, set: state });
}

