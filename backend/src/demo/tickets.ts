/**
 * The demo technician's day: a few maintenance requests on the demo coordinator's devices, assigned
 * to the technician, with the supply levels an agent would have read. The technician app and the
 * coordinator view open on real work instead of an empty list.
 */
import type { deviceSupplies, maintenanceRequests, requestEvents } from '../db/schema/index.ts';
import type { DemoPlan } from './plan.ts';
import { DEMO_METER_CUSTOMER } from './plan.ts';

export interface DemoTickets {
  requests: (typeof maintenanceRequests.$inferInsert)[];
  events: (typeof requestEvents.$inferInsert)[];
  supplies: (typeof deviceSupplies.$inferInsert)[];
}

interface RequestSpec {
  subject: string;
  description: string;
  complexity: 'user' | 'technician' | 'engineer';
  userCanFix: boolean;
  steps: string[];
  /** Hours before `now` it was reported. */
  hoursAgo: number;
}

const REQUESTS: readonly RequestSpec[] = [
  {
    subject: 'Bourrage papier dans l’unité de fusion',
    description: 'La machine affiche un bourrage en zone B après chaque copie recto verso.',
    complexity: 'technician',
    userCanFix: false,
    steps: [],
    hoursAgo: 20,
  },
  {
    subject: 'Traînées noires sur les copies',
    description: 'Des traînées verticales apparaissent sur toutes les impressions depuis hier.',
    complexity: 'technician',
    userCanFix: true,
    steps: ['Nettoyer la vitre d’exposition avec un chiffon sec.', 'Imprimer une page de test.'],
    hoursAgo: 6,
  },
];

const TONERS = [
  { supplyIndex: '1', description: 'Toner noir', colour: 'black', percent: 8 },
  { supplyIndex: '2', description: 'Unité photoconductrice', colour: null, percent: 64 },
  { supplyIndex: '3', description: 'Bac de récupération du toner', colour: null, percent: 35 },
] as const;

export function planDemoTickets(plan: DemoPlan, now: Date, newId: () => string): DemoTickets {
  const technician = plan.users.find((user) => user.role === 'technician')!;
  const customer = plan.customers.find((candidate) => candidate.customerNumber === DEMO_METER_CUSTOMER)!;
  const fleet = plan.devices.filter((device) => device.customerId === customer.id).slice(0, REQUESTS.length);
  const result: DemoTickets = { requests: [], events: [], supplies: [] };
  fleet.forEach((device, index) => {
    const spec = REQUESTS[index]!;
    const createdAt = new Date(now.getTime() - spec.hoursAgo * 3_600_000);
    const id = newId();
    const { hoursAgo: _hoursAgo, ...fields } = spec;
    result.requests.push({
      ...fields,
      id,
      partnerId: plan.partner.id!,
      customerId: customer.id!,
      deviceId: device.id!,
      technicianId: technician.id!,
      state: 'unresolved',
      version: 1,
      createdBy: 'admin@demo-dealer.test',
      createdAt,
      updatedAt: createdAt,
    });
    result.events.push({ partnerId: plan.partner.id!, requestId: id, kind: 'created', at: createdAt, authorName: 'Bureau Alpin SA', comment: spec.description });
    for (const toner of TONERS) {
      result.supplies.push({
        ...toner,
        partnerId: plan.partner.id!,
        deviceId: device.id!,
        type: toner.colour ? 'toner' : 'other',
        state: 'measured',
        percent: toner.percent - index * 3,
        readAt: new Date(now.getTime() - 3_600_000),
      });
    }
  });
  return result;
}
