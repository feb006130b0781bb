import { describe, expect, it } from 'vitest';
import { DEMO_METER_CUSTOMER, planDemo } from './plan.ts';
import { planDemoTickets } from './tickets.ts';

const now = new Date('2026-11-25T14:00:00Z');

function plan() {
  let count = 0;
  const newId = () => `00000000-0000-4000-8000-${String(++count).padStart(12, '0')}`;
  const demo = planDemo(now, newId);
  return { demo, tickets: planDemoTickets(demo, now, newId) };
}

describe('the demo technician’s day', () => {
  it('assigns two open requests on the demo coordinator’s devices to the technician, each with its creation event', () => {
    const { demo, tickets } = plan();
    const technician = demo.users.find((user) => user.role === 'technician')!;
    const customer = demo.customers.find((candidate) => candidate.customerNumber === DEMO_METER_CUSTOMER)!;
    expect(tickets.requests).toHaveLength(2);
    for (const request of tickets.requests) {
      expect(request).toMatchObject({ technicianId: technician.id, customerId: customer.id, state: 'unresolved', version: 1 });
      expect(demo.devices.find((device) => device.id === request.deviceId)?.customerId).toBe(customer.id);
      expect(tickets.events.filter((event) => event.requestId === request.id).map((event) => event.kind)).toEqual(['created']);
      expect(request.createdAt!.getTime()).toBeLessThan(now.getTime());
    }
  });

  it('gives each of those devices supply levels between 0 and 100 %', () => {
    const { tickets } = plan();
    const devices = new Set(tickets.requests.map((request) => request.deviceId));
    expect(new Set(tickets.supplies.map((supply) => supply.deviceId))).toEqual(devices);
    for (const supply of tickets.supplies) expect(supply.percent).toSatisfy((percent: number) => percent >= 0 && percent <= 100);
  });

  it('is the same plan for the same ids and clock', () => {
    expect(plan().tickets).toEqual(plan().tickets);
  });
});
