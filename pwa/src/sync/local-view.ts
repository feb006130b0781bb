/**
 * The technician's day as the phone shows it: the last bundle from the server, the requests of
 * changes not yet read about kept in it, and the changes still waiting in the outbox applied on
 * top. Pure: the same bundle, records and ops give the same view.
 */
import type { MaintenanceRequest, TechBundle } from '@parc/shared/contracts/tickets';
import { isRequestOp, type LocalOp } from './tech-ops.ts';
import type { SyncRecord } from './tech-sync.ts';

type Device = TechBundle['devices'][number];

function updateRequest(bundle: TechBundle, requestId: string, change: (request: MaintenanceRequest) => MaintenanceRequest): TechBundle {
  return { ...bundle, requests: bundle.requests.map((request) => (request.id === requestId ? change(request) : request)) };
}

function updateDevice(bundle: TechBundle, deviceId: string, change: (device: Device) => Device): TechBundle {
  return { ...bundle, devices: bundle.devices.map((device) => (device.id === deviceId ? change(device) : device)) };
}

function withEvent(request: MaintenanceRequest, op: LocalOp, authorName: string, event: Partial<MaintenanceRequest['events'][number]>): MaintenanceRequest {
  const base = { id: op.opId, at: op.createdAt, authorName, comment: null, visibility: 'internal' as const, fromState: null, toState: null, technicianId: null, fields: [] };
  return { ...request, updatedAt: op.createdAt, events: [...request.events, { ...base, kind: 'note', ...event }] };
}

/** One op applied to the bundle, as the server will apply it if nobody else changed the same request meanwhile. */
export function applyOp(bundle: TechBundle, op: LocalOp): TechBundle {
  const author = bundle.technician.name;
  switch (op.kind) {
    case 'request.transition':
      return updateRequest(bundle, op.requestId, (request) => ({
        ...withEvent(request, op, author, { kind: 'state', comment: op.comment, visibility: op.visibility, fromState: request.state, toState: op.to }),
        state: op.to,
      }));
    case 'request.edit':
      return updateRequest(bundle, op.requestId, (request) => ({
        ...withEvent(request, op, author, { kind: 'edit', fields: Object.keys(op.changes) }),
        ...op.changes,
      }));
    case 'request.note':
      return updateRequest(bundle, op.requestId, (request) => withEvent(request, op, author, { kind: 'note', comment: op.text, visibility: op.visibility }));
    case 'request.attachment':
      return updateRequest(bundle, op.requestId, (request) => withEvent(request, op, author, { kind: 'attachment', comment: op.attachment.fileName }));
    case 'reading':
      return updateDevice(bundle, op.deviceId, (device) => ({
        ...device,
        counters: device.counters.map((counter) => (counter.kind === op.counter ? { ...counter, lastValue: op.value, lastTakenAt: op.takenAt } : counter)),
        history: [{ kind: 'reading', at: op.takenAt, requestId: op.requestId ?? null, counter: op.counter, value: op.value, source: 'technician' }, ...device.history],
      }));
    case 'supply.replacement':
      return updateDevice(bundle, op.deviceId, (device) => ({
        ...device,
        supplies: device.supplies.map((supply) => (supply.supplyIndex === op.supplyIndex ? { ...supply, percent: 100, readAt: op.replacedAt } : supply)),
        history: [{ kind: 'supply_replacement', at: op.replacedAt, requestId: op.requestId ?? null, supplyType: op.supplyType, colour: op.colour ?? null, note: op.note ?? null }, ...device.history],
      }));
    case 'counter.reset':
      return updateDevice(bundle, op.deviceId, (device) => ({
        ...device,
        // The counters restart at the declared start value; the server keeps the volumes across the break.
        counters: device.counters.map((counter) => {
          const declared = op.counters.find((entry) => entry.counter === counter.kind);
          return declared ? { ...counter, lastValue: declared.startValue, lastTakenAt: op.at } : counter;
        }),
        history: [{ kind: 'counter_reset', at: op.at, requestId: op.requestId ?? null, counters: op.counters, note: op.note ?? null }, ...device.history],
      }));
  }
}

export function localView(bundle: TechBundle, ops: readonly LocalOp[]): TechBundle {
  return ops.reduce(applyOp, bundle);
}

/** A record the technician has to read about a request: a change to it the server refused, or one dropped by "keep theirs". */
export function isRequestNotice(record: SyncRecord): boolean {
  return record.outcome === 'dropped' || (record.outcome === 'rejected' && isRequestOp(record.op));
}

/** The request a notice is about, as last known with it (records kept from older versions may have none). */
export function noticeRequest(record: SyncRecord): MaintenanceRequest | undefined {
  if (record.outcome === 'dropped') return record.server;
  return record.outcome === 'rejected' && isRequestNotice(record) ? record.request : undefined;
}

/** The unread notices about one request, newest first. */
export function noticesOf(requestId: string, records: readonly SyncRecord[]): SyncRecord[] {
  return records.filter((record) => isRequestNotice(record) && isRequestOp(record.op) && record.op.requestId === requestId);
}

/**
 * The bundle with the requests of unread notices kept in it: a request the dealer closed or
 * reassigned after refusing the technician's change stays on the list, as the notice knew it,
 * until the technician has read why.
 */
export function withUnread(bundle: TechBundle, records: readonly SyncRecord[]): TechBundle {
  const known = new Set(bundle.requests.map((request) => request.id));
  const kept: MaintenanceRequest[] = [];
  // Newest first: the first copy met is the latest.
  for (const record of records) {
    const request = noticeRequest(record);
    if (!request || known.has(request.id)) continue;
    known.add(request.id);
    kept.push(request);
  }
  return kept.length ? { ...bundle, requests: [...bundle.requests, ...kept] } : bundle;
}
