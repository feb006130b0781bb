/**
 * The SNMP agent at the head office whose devices the demo says an agent reads: enrolled, heard from
 * a few minutes ago, with the supply levels and alerts it last reported. The console opens on a
 * connected agent, open alerts and filled supply bars instead of zeros.
 */
import type { agentContacts, agentCredentials, agentKeys, agents, deviceAlerts, deviceSupplies, deviceSupplyLevels } from '../db/schema/index.ts';
import type { DemoPlan } from './plan.ts';
import { createRandom } from '@parc/shared/random';

export interface DemoAgent {
  agents: (typeof agents.$inferInsert)[];
  keys: (typeof agentKeys.$inferInsert)[];
  credentials: (typeof agentCredentials.$inferInsert)[];
  contacts: (typeof agentContacts.$inferInsert)[];
  supplies: (typeof deviceSupplies.$inferInsert)[];
  supplyLevels: (typeof deviceSupplyLevels.$inferInsert)[];
  alerts: (typeof deviceAlerts.$inferInsert)[];
}

/** Its own seed, so adding the agent leaves the fleet drawn by planDemo untouched. */
const SEED = 20_260_517;

/** The customer whose agent-read site gets the agent. */
export const DEMO_AGENT_CUSTOMER = '10517';

/**
 * An Ed25519 public key generated once offline; its private half was thrown away, so nothing can
 * sign as this agent: the demo only shows an enrolled one.
 */
const PUBLIC_KEY = { kty: 'OKP', crv: 'Ed25519', x: 'E7hJHbZeGNVs-RIVOR0gVUcd4dDRiTAWv_Qylic9SyY' } as const;

const MONO_TONERS = [{ description: 'Black Toner', colour: 'black' }] as const;
const COLOUR_TONERS = [...MONO_TONERS, { description: 'Cyan Toner', colour: 'cyan' }, { description: 'Magenta Toner', colour: 'magenta' }, { description: 'Yellow Toner', colour: 'yellow' }] as const;

/** The black toner of the first agent-read device is nearly out: the low level the alert is about. */
export const LOW_TONER_PERCENT = 8;

/** Days before the latest read at which the supply history has earlier points. */
const HISTORY_DAYS = [42, 21] as const;

const MINUTE = 60_000;
const DAY = 86_400_000;

export function planDemoAgent(plan: DemoPlan, now: Date, newId: () => string): DemoAgent {
  const random = createRandom(SEED);
  const partnerId = plan.partner.id!;
  const customer = plan.customers.find((candidate) => candidate.customerNumber === DEMO_AGENT_CUSTOMER)!;
  const agentRead = new Set(plan.readings.filter((reading) => reading.source === 'agent').map((reading) => reading.deviceId));
  const fleet = plan.devices.filter((device) => device.customerId === customer.id && agentRead.has(device.id!));
  const subnet = fleet[0]!.ip!.replace(/\.\d+$/, '');

  const agentId = newId();
  const credentialId = newId();
  const enrolledAt = customer.createdAt!;
  const lastContactAt = new Date(now.getTime() - random.int(2, 6) * MINUTE);
  const lastIp = `${subnet}.${random.int(2, 19)}`;
  const result: DemoAgent = {
    agents: [
      {
        id: agentId,
        partnerId,
        customerId: customer.id!,
        name: 'Agent Zürich HQ',
        version: '0.1.0',
        hostname: 'ZHT-SRV-PRINT01',
        platform: 'win32 10.0.20348',
        lastIp,
        lastContactAt,
        ranges: [`${subnet}.0/24`],
        createdAt: enrolledAt,
      },
    ],
    keys: [{ agentId, key: random.pattern('@@@@-@@@@-@@@@-@@@@'), consumedAt: enrolledAt, createdAt: enrolledAt }],
    credentials: [{ id: credentialId, agentId, publicKey: PUBLIC_KEY, createdAt: enrolledAt }],
    contacts: [{ credentialId, ip: lastIp, firstSeenAt: enrolledAt, lastSeenAt: lastContactAt }],
    supplies: [],
    supplyLevels: [],
    alerts: [],
  };

  // The agent reads supplies every alerts interval; the latest read is a little before its last contact.
  const readAt = new Date(lastContactAt.getTime() - random.int(1, 10) * MINUTE);
  fleet.forEach((device, deviceIndex) => {
    const toners = device.colourCapable ? COLOUR_TONERS : MONO_TONERS;
    toners.forEach(({ description, colour }, tonerIndex) => {
      const percent = deviceIndex === 0 && colour === 'black' ? LOW_TONER_PERCENT : random.int(20, 95);
      const supplyIndex = String(tonerIndex + 1);
      const row = { partnerId, deviceId: device.id!, supplyIndex };
      result.supplies.push({ ...row, description, type: 'toner', colour, level: percent, max: 100, percent, state: 'measured', readAt });
      // Older points higher by a steady daily use, so forecasts have a slope to work with.
      const perDay = random.between(0.4, 1.4);
      for (const days of HISTORY_DAYS) {
        const earlier = Math.min(100, Math.round(percent + perDay * days));
        result.supplyLevels.push({ ...row, id: newId(), level: earlier, percent: earlier, readAt: new Date(readAt.getTime() - days * DAY) });
      }
      result.supplyLevels.push({ ...row, id: newId(), level: percent, percent, readAt });
    });
  });

  const [lowTonerDevice, jammedDevice] = fleet;
  const alert = (deviceId: string, hoursAgo: number, fields: Pick<typeof deviceAlerts.$inferInsert, 'severity' | 'group' | 'code' | 'description'>) =>
    result.alerts.push({ id: newId(), partnerId, deviceId, key: `alert:${fields.group}:${fields.code}`, ...fields, openedAt: new Date(readAt.getTime() - hoursAgo * 3_600_000), lastSeenAt: readAt });
  alert(lowTonerDevice!.id!, random.int(20, 60), { severity: 'warning', group: 'markerSupplies', code: 'markerTonerAlmostEmpty', description: 'Black Toner low' });
  alert(jammedDevice!.id!, random.int(1, 3), { severity: 'critical', group: 'mediaPath', code: 'jam', description: 'Paper jam in the paper path' });
  return result;
}
