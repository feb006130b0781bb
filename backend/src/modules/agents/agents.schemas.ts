import { z } from 'zod';
import { AGENT_LIMITS, AgentSchedulesSchema, DiscoveredPrinterSchema, DiscoveryFailureSchema, SnmpCredentialSchema } from '@parc/shared/contracts/agents';
import { STORED_PER_SCAN } from './agents.repo.ts';
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
    ranges: z.array(cidrSchema).max(AGENT_LIMITS.ranges),
    /** Replaces the list; a v3 entry without authKey/privKey keeps the stored one of the same user and context. */
    credentials: z.array(SnmpCredentialSchema).max(AGENT_LIMITS.credentials),
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
  ranges: z.array(z.string()).max(AGENT_LIMITS.ranges),
  credentials: z.array(maskedCredentialSchema).max(AGENT_LIMITS.credentials),
  timeoutMs: z.number().int(),
  disconnectedAfterMinutes: z.number().int().nullable(),
  /** The threshold in force (the setting, or the default computed from the schedules). */
  effectiveDisconnectedAfterMinutes: z.number().int(),
  scanRequestedAt: instant.nullable(),
  createdAt: instant,
});
export type AgentView = z.infer<typeof agentSchema>;

export const agentListQuerySchema = z.object({ customerId: z.uuid().optional() });
/** Agents are a handful per customer; the list is bounded all the same. */
export const MAX_AGENTS_LISTED = 2_000;
export const agentListSchema = z.object({ items: z.array(agentSchema).max(MAX_AGENTS_LISTED) });

export const discoveryRunSchema = z.object({
  scanId: z.uuid(),
  agentId: z.uuid(),
  startedAt: instant,
  finishedAt: instant.nullable(),
  progress: z.object({ probed: z.number().int(), total: z.number().int() }),
  /** The first STORED_PER_SCAN printers found (every one of them reached "devices to add"). */
  found: z.array(DiscoveredPrinterSchema).max(STORED_PER_SCAN),
  /** "Why no data?": one entry per host that answered nothing usable (the first STORED_PER_SCAN). */
  failures: z.array(DiscoveryFailureSchema).max(STORED_PER_SCAN),
  reportedAt: instant,
});
export const discoveryRunListSchema = z.object({ items: z.array(discoveryRunSchema).max(50) });

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
  /**
   * Set when an active device of another customer of the dealer carries this serial ("reported at
   * another customer"): the dealer decides (POST /devices/pending/{id}/decision) to move it here, keep
   * it there or ignore the report. Only the console sees it; the agent is never told.
   */
  otherCustomerDevice: z.object({ id: z.uuid(), customerId: z.uuid(), customerName: z.string(), deviceCode: z.string() }).nullable(),
});
export const pendingDeviceListQuerySchema = z.object({ customerId: z.uuid().optional() });
/** The console lists at most this many waiting printers (newest sighting first). */
export const MAX_PENDING_LISTED = 1_000;
export const pendingDeviceListSchema = z.object({ items: z.array(pendingDeviceSchema).max(MAX_PENDING_LISTED) });

/** Devices to add deleted at once: any selection of the list fits (its length at most). */
export const pendingDeleteSchema = z.strictObject({ ids: z.array(z.uuid()).min(1).max(MAX_PENDING_LISTED) });
export type PendingDelete = z.infer<typeof pendingDeleteSchema>;
export const pendingDeletedSchema = z.object({ deleted: z.number().int().nonnegative() });

export const PENDING_DECISIONS = ['move', 'keep', 'ignore'] as const;
/** The dealer's decision on a printer reported at another customer. */
export const pendingDecisionSchema = z.strictObject({ decision: z.enum(PENDING_DECISIONS) });
export type PendingDecision = z.infer<typeof pendingDecisionSchema>;

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
});
export type AgentSettings = z.infer<typeof agentSettingsSchema>;
export const agentSettingsUpdateSchema = agentSettingsSchema.partial().strict();
