import { createRoute, z } from '@hono/zod-openapi';
import {
  AgentConfigSchema,
  DiscoveryReportSchema,
  EnrollRequestSchema,
  EnrollResponseSchema,
  PushSamplesRequestSchema,
  PushSamplesResponseSchema,
} from '@parc/shared/contracts/agents';
import { deviceDetailSchema } from '@parc/shared/contracts/devices';
import { clientAddress, consumeAttempt, createRateLimiter } from '../../http/rate-limit.ts';
import { createRouter } from '../../http/router.ts';
import { publicRoute, requirePermission } from '../auth/access.ts';
import { conflictResponse, errorResponses, errorSchema, idParams, json, jsonBody } from '../../http/openapi.ts';
import { requireAgent } from './agent-auth.ts';
import { agentConfig, enroll, reportDiscovery } from './agent-protocol.service.ts';
import {
  agentCreateSchema,
  agentListQuerySchema,
  agentListSchema,
  agentSchema,
  agentSettingsSchema,
  agentSettingsUpdateSchema,
  agentUpdateSchema,
  discoveryRunListSchema,
  pendingAssignSchema,
  pendingDecisionSchema,
  pendingDeletedSchema,
  pendingDeleteSchema,
  pendingDeviceListQuerySchema,
  pendingDeviceListSchema,
} from './agents.schemas.ts';
import { changeAgent, changeAgentSettings, createAgent, getAgent, getAgentSettings, listAgents, listDiscoveryRuns, requestScan, revokeAgent } from './agents.service.ts';
import { assignPendingDevice, decideReported, ignorePendingDevice, ignorePendingDevices, listPendingDevices } from './pending.service.ts';
import { applySamples } from './samples.apply.ts';

const agentTags = ['agent protocol'];
const consoleTags = ['agents'];
const agentAuthErrors = {
  400: json(errorSchema, 'Invalid input; `field` names it'),
  401: json(errorSchema.extend({ reason: z.string() }), 'Token refused (`reason` says why) or `agent_revoked`'),
} as const;

/** Enrollment attempts per address: keys cannot be guessed (26^16), and a script hammering the route is slowed down. */
export const ENROLL_LIMIT = { limit: 20, windowMs: 15 * 60_000 };

/** What the agent program calls: enrollment with its key, then EdDSA-signed requests (see agent-auth.ts). Enrollments are counted in the database, across every instance (see rate-limit.ts). */
export interface AgentProtocolOptions {
  enrollLimit?: { limit: number; windowMs: number };
}

export function createAgentProtocolRoutes(options: AgentProtocolOptions = {}) {
  const enrollments = createRateLimiter('agent.enroll', options.enrollLimit ?? ENROLL_LIMIT);
  return createRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/agent/enroll',
        tags: agentTags,
        // The one-time key in the body is the credential.
        middleware: [publicRoute] as const,
        summary: 'Exchange a one-time key and a public key for a credential',
        request: { body: jsonBody(EnrollRequestSchema) },
        responses: {
          200: json(EnrollResponseSchema, 'Enrolled: the credential id is the kid of every later token'),
          400: errorResponses[400],
          404: json(errorSchema, 'No agent has this key'),
          409: json(errorSchema, 'The key is held by a live credential; revoke it first'),
          429: json(errorSchema, 'Too many enrollment attempts from this address'),
        },
      }),
      async (c) => {
        await consumeAttempt(enrollments, c.get('deps').db, clientAddress(c), c.get('deps').clock());
        return c.json(await enroll(c.get('deps'), c.req.valid('json'), clientAddress(c)), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/agent/config',
        tags: agentTags,
        summary: 'Schedules, ranges, SNMP credentials and scan-now; polled every minute',
        middleware: [requireAgent] as const,
        responses: { 200: json(AgentConfigSchema, 'The agent configuration'), ...agentAuthErrors },
      }),
      async (c) => c.json(await agentConfig(c.get('deps'), c.get('agent')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/agent/samples',
        tags: agentTags,
        summary: 'Push printer reads; each gets its own result, a resent sampleId is a duplicate',
        middleware: [requireAgent] as const,
        request: { body: jsonBody(PushSamplesRequestSchema) },
        responses: { 200: json(PushSamplesResponseSchema, 'One result per sample, in order'), ...agentAuthErrors },
      }),
      async (c) => c.json({ results: await applySamples(c.get('deps'), c.get('agent'), c.req.valid('json').samples) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/agent/discovery',
        tags: agentTags,
        summary: 'Report scan progress and results (sent repeatedly while a scan runs; a large report in pages of at most 1,000 printers and 1,000 failures)',
        middleware: [requireAgent] as const,
        request: { body: jsonBody(DiscoveryReportSchema) },
        responses: { 204: { description: 'Stored' }, ...agentAuthErrors },
      }),
      async (c) => {
        await reportDiscovery(c.get('deps'), c.get('agent'), c.req.valid('json'));
        return c.body(null, 204);
      },
    );
}

/** The partner console's side: agents per customer, their keys and status, and the devices they found. */
export const agentConsoleRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/customers/{id}/agents',
      tags: consoleTags,
      summary: 'Add an agent to a customer; the answer carries its one-time key',
      middleware: [requirePermission('agents', 'edit')] as const,
      request: { params: idParams, body: jsonBody(agentCreateSchema) },
      responses: { 201: json(agentSchema, 'The new agent, status new'), ...errorResponses },
    }),
    async (c) => c.json(await createAgent(c.get('deps'), c.get('user'), c.req.valid('param').id, c.req.valid('json').name), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/agents',
      tags: consoleTags,
      summary: "The partner's agents with their computed status, optionally of one customer",
      middleware: [requirePermission('agents', 'view')] as const,
      request: { query: agentListQuerySchema },
      responses: { 200: json(agentListSchema, 'Agents'), ...errorResponses },
    }),
    async (c) => c.json({ items: await listAgents(c.get('deps'), c.get('user'), c.req.valid('query').customerId) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/agent-settings',
      tags: consoleTags,
      summary: "The partner's agent options (scan on first connection, keep location on IP change)",
      middleware: [requirePermission('agents', 'view')] as const,
      responses: { 200: json(agentSettingsSchema, 'The options'), ...errorResponses },
    }),
    async (c) => c.json(await getAgentSettings(c.get('deps'), c.get('user')), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/agent-settings',
      tags: consoleTags,
      summary: "Change the partner's agent options",
      middleware: [requirePermission('agents', 'edit', ['partner_admin'])] as const,
      request: { body: jsonBody(agentSettingsUpdateSchema) },
      responses: { 200: json(agentSettingsSchema, 'The options'), ...errorResponses },
    }),
    async (c) => c.json(await changeAgentSettings(c.get('deps'), c.get('user'), c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/agents/{id}',
      tags: consoleTags,
      summary: 'One agent',
      middleware: [requirePermission('agents', 'view')] as const,
      request: { params: idParams },
      responses: { 200: json(agentSchema, 'The agent'), ...errorResponses },
    }),
    async (c) => c.json(await getAgent(c.get('deps'), c.get('user'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/agents/{id}',
      tags: consoleTags,
      summary: 'Change name, schedules, ranges, SNMP credentials, timeout or disconnection threshold',
      middleware: [requirePermission('agents', 'edit')] as const,
      request: { params: idParams, body: jsonBody(agentUpdateSchema) },
      responses: { 200: json(agentSchema, 'The changed agent'), ...errorResponses },
    }),
    async (c) => c.json(await changeAgent(c.get('deps'), c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/agents/{id}/revoke',
      tags: consoleTags,
      summary: 'Revoke the certificate: the program is refused, the key can enroll again',
      middleware: [requirePermission('agents', 'edit')] as const,
      request: { params: idParams },
      responses: { 200: json(agentSchema, 'The agent, status new'), ...errorResponses },
    }),
    async (c) => c.json(await revokeAgent(c.get('deps'), c.get('user'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/agents/{id}/scan',
      tags: consoleTags,
      summary: 'Scan now: the agent picks it up at its next config poll (within a minute)',
      middleware: [requirePermission('agents', 'edit')] as const,
      request: { params: idParams },
      responses: { 200: json(agentSchema, 'The agent with scanRequestedAt set'), ...errorResponses },
    }),
    async (c) => c.json(await requestScan(c.get('deps'), c.get('user'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/agents/{id}/discovery',
      tags: consoleTags,
      summary: 'Recent scans with progress, printers found and why other hosts gave no data',
      middleware: [requirePermission('agents', 'view')] as const,
      request: { params: idParams },
      responses: { 200: json(discoveryRunListSchema, 'Newest first'), ...errorResponses },
    }),
    async (c) => c.json({ items: await listDiscoveryRuns(c.get('deps'), c.get('user'), c.req.valid('param').id) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/devices/pending',
      tags: consoleTags,
      summary: 'Devices to add: printers the agents found that are no device of the customer yet',
      middleware: [requirePermission('agents', 'view')] as const,
      request: { query: pendingDeviceListQuerySchema },
      responses: { 200: json(pendingDeviceListSchema, 'Newest sighting first'), ...errorResponses },
    }),
    async (c) => c.json({ items: await listPendingDevices(c.get('deps'), c.get('user'), c.req.valid('query').customerId) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/devices/pending/{id}/assign',
      tags: consoleTags,
      summary: "Make it a device (next PREFIX-n) and record its latest counters",
      middleware: [requirePermission('agents', 'edit')] as const,
      request: { params: idParams, body: jsonBody(pendingAssignSchema) },
      responses: { 201: json(deviceDetailSchema, 'The new device with its counters'), ...conflictResponse, ...errorResponses },
    }),
    async (c) => c.json(await assignPendingDevice(c.get('deps'), c.get('user'), c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/devices/pending/{id}',
      tags: consoleTags,
      summary: 'Ignore a device to add',
      middleware: [requirePermission('agents', 'edit')] as const,
      request: { params: idParams },
      responses: { 204: { description: 'Ignored' }, ...errorResponses },
    }),
    async (c) => {
      await ignorePendingDevice(c.get('deps'), c.get('user'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/devices/pending/delete',
      tags: consoleTags,
      summary: 'Ignore several devices to add at once: all of them, or none (404) when any is not a waiting one the user sees',
      middleware: [requirePermission('agents', 'edit')] as const,
      request: { body: jsonBody(pendingDeleteSchema) },
      responses: { 200: json(pendingDeletedSchema, 'How many left the list'), ...errorResponses },
    }),
    async (c) => c.json(await ignorePendingDevices(c.get('deps'), c.get('user'), c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/devices/pending/{id}/decision',
      tags: consoleTags,
      summary: "A printer reported at another customer: move the device here (with its history and counters), keep it there, or ignore the report; recorded in the device's history",
      // It changes which customer a device belongs to: the devices screen's edit right as well.
      middleware: [requirePermission('agents', 'edit'), requirePermission('devices', 'edit')] as const,
      request: { params: idParams, body: jsonBody(pendingDecisionSchema) },
      responses: { 200: json(deviceDetailSchema, 'The device after the decision'), ...conflictResponse, ...errorResponses },
    }),
    async (c) => c.json(await decideReported(c.get('deps'), c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
