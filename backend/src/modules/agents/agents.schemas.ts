import { z } from 'zod';
import { AgentSchedulesSchema, FAILURE_REASONS, SnmpCredentialSchema } from '@parc/shared/contracts/agents';
import { OTHER_CUSTOMER_POLICIES } from '../../db/schema/index.ts';
import { AGENT_STATUSES } from './agents.domain.ts';

/** Partner-console request and response shapes of the agents module (the agent protocol is in @parc/shared/contracts/agents). */

const instant = z.string().datetime();

/** IPv4 CIDR from /16 (65,534 hosts, the largest a site agent should sweep) to /32. */
export const cidrSchema = z
  .string()
  .trim()
  .regex(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/, 'Use a range such as 192.168.1.0/24')
  .refine((value) => {
    const [address, bits] = value.split('/');
    return address!.split('.').every((octet) => Number(octet) <= 255) && Number(bits) >= 16 && Number(bits) <= 32;
  }, 'Octets go up to 255 and the prefix length from /16 to /32');

export const agentCreateSchema = z.strictObject({ name: z.string().trim().min(1).max(100) });

export const agentUpdateSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    schedules: AgentSchedulesSchema.partial(),
    ranges: z.array(cidrSchema).max(50),
    /** Replaces the list; a v3 entry without authKey/privKey keeps the stored one of the same user and context. */
    credentials: z.array(SnmpCredentialSchema).max(20),
    timeoutMs: z.number().int().min(100).max(30_000),
    /** Null: twice the alerts interval, at least 30 minutes. */
    disconnectedAfterMinutes: z.number().int().min(5).max(10_080).nullable(),
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, 'Nothing to change');
export type AgentUpdate = z.infer<typeof agentUpdateSchema>;

const maskedCredentialSchema = z.union([
  z.object({ version: z.enum(['1', '2c']), community: z.string() }),
  z.object({
    version: z.literal('3'),
    user: z.string(),
    authProtocol: z.string(),
    authKey: z.enum(['set', 'not set']),
    privProtocol: z.string(),
    privKey: z.enum(['set', 'not set']),
    context: z.string().optional(),
  }),
]);

export const agentSchema = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  name: z.string(),
  /** The enrollment key: shown so the partner can install (or, after a revocation, reinstall) the agent. */
  key: z.string(),
  /** True while an enrolled program holds the key; a revocation makes it usable again. */
  keyInUse: z.boolean(),
  status: z.enum(AGENT_STATUSES),
  version: z.string().nullable(),
  hostname: z.string().nullable(),
  platform: z.string().nullable(),
  lastIp: z.string().nullable(),
  lastContactAt: instant.nullable(),
  schedules: AgentSchedulesSchema,
  ranges: z.array(z.string()),
  credentials: z.array(maskedCredentialSchema),
  timeoutMs: z.number().int(),
  disconnectedAfterMinutes: z.number().int().nullable(),
  /** The threshold in force (the setting, or the default computed from the schedules). */
  effectiveDisconnectedAfterMinutes: z.number().int(),
  scanRequestedAt: instant.nullable(),
  createdAt: instant,
});
export type AgentView = z.infer<typeof agentSchema>;

export const agentListQuerySchema = z.object({ customerId: z.uuid().optional() });
export const agentListSchema = z.object({ items: z.array(agentSchema) });

export const discoveryRunSchema = z.object({
  scanId: z.uuid(),
  agentId: z.uuid(),
  startedAt: instant,
  finishedAt: instant.nullable(),
  progress: z.object({ probed: z.number().int(), total: z.number().int() }),
  found: z.array(z.object({ ip: z.string(), serial: z.string().nullable(), mac: z.string().nullable(), manufacturer: z.string().nullable(), model: z.string().nullable() })),
  /** "Why no data?": one entry per host that answered nothing usable. */
  failures: z.array(z.object({ ip: z.string(), reason: z.enum(FAILURE_REASONS), message: z.string() })),
  reportedAt: instant,
});
export const discoveryRunListSchema = z.object({ items: z.array(discoveryRunSchema) });

export const pendingDeviceSchema = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  agentId: z.uuid().nullable(),
  serial: z.string(),
  mac: z.string().nullable(),
  manufacturer: z.string().nullable(),
  model: z.string().nullable(),
  ip: z.string().nullable(),
  firstSeenAt: instant,
  lastSeenAt: instant,
  /** Counters of the newest sample, recorded as readings when the device is assigned. */
  latestCounters: z.record(z.string(), z.number().nullable()).nullable(),
  /** Set when an active device of another customer carries this serial; deactivate it there before assigning here. */
  otherCustomerDevice: z.object({ id: z.uuid(), customerId: z.uuid(), deviceCode: z.string() }).nullable(),
});
export const pendingDeviceListQuerySchema = z.object({ customerId: z.uuid().optional() });
export const pendingDeviceListSchema = z.object({ items: z.array(pendingDeviceSchema) });

export const pendingAssignSchema = z.strictObject({
  siteId: z.uuid().optional(),
  coordinatorId: z.uuid().optional(),
  internalNumber: z.string().trim().max(50).optional(),
  location: z.string().trim().max(200).optional(),
});
export type PendingAssign = z.infer<typeof pendingAssignSchema>;

export const agentSettingsSchema = z.object({
  scanOnFirstConnection: z.boolean(),
  keepLocationOnIpChange: z.boolean(),
  /** report: the printer waits in "devices to add" flagged; move: its device at the other customer is deactivated. */
  otherCustomerPolicy: z.enum(OTHER_CUSTOMER_POLICIES),
});
export type AgentSettings = z.infer<typeof agentSettingsSchema>;
export const agentSettingsUpdateSchema = agentSettingsSchema.partial().strict();
