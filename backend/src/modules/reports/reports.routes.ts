import { createRoute, z } from '@hono/zod-openapi';
import {
  reportDefinitionInputSchema,
  reportListSchema,
  reportRunInputSchema,
  reportRunListSchema,
  reportRunSchema,
  reportSchema,
  reportScheduleInputSchema,
  reportScheduleListSchema,
  reportScheduleSchema,
} from '@parc/shared/contracts/reports';
import { createRouter } from '../../http/router.ts';
import { errorsFor, idParams, json, jsonBody } from '../../http/openapi.ts';
import { publicRoute, requirePermission } from '../auth/access.ts';
import { cancelRun, createReport, deleteReport, download, getRun, listReports, listRuns, startRun, updateReport } from './reports.service.ts';
import { CONTENT_TYPES } from './files.ts';
import { createSchedule, deleteSchedule, listSchedules, runOfDownloadToken, updateSchedule } from './schedules.service.ts';
import { fileStream } from './reports.service.ts';

const tags = ['reports'];

const fileHeaders = (run: { format: 'csv' | 'xlsx'; bytes: number; fileName: string }) => ({
  'Content-Type': CONTENT_TYPES[run.format],
  'Content-Length': String(run.bytes),
  'Content-Disposition': `attachment; filename="${run.fileName}"`,
});
const keyParams = z.object({ key: z.string().min(1).max(60) });

/** Reports: predefined and own definitions, files made in the background, and schedules that email them. */
export const reportRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/reports',
      tags,
      summary: 'Predefined reports and the own reports the user sees (theirs and shared ones), on sources their profile shows',
      middleware: [requirePermission('reports', 'view')] as const,
      responses: { 200: json(reportListSchema, 'Reports'), ...errorsFor(401, 403) },
    }),
    async (c) => c.json({ items: await listReports(c.get('deps').db, c.get('user')) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/reports',
      tags,
      summary: 'Save an own report: a source, columns, filters and sort; private unless shared',
      middleware: [requirePermission('reports', 'edit')] as const,
      request: { body: jsonBody(reportDefinitionInputSchema) },
      responses: { 201: json(reportSchema, 'Saved'), ...errorsFor(400, 401, 403, 404) },
    }),
    async (c) => c.json(await createReport(c.get('deps').db, c.get('user'), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/reports/{id}',
      tags,
      summary: 'Change an own report (its creator only; predefined ones cannot be changed)',
      middleware: [requirePermission('reports', 'edit')] as const,
      request: { params: z.object({ id: z.string().min(1).max(60) }), body: jsonBody(reportDefinitionInputSchema) },
      responses: { 200: json(reportSchema, 'Saved'), ...errorsFor(400, 401, 403, 404) },
    }),
    async (c) => c.json(await updateReport(c.get('deps').db, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/reports/{id}',
      tags,
      summary: 'Delete an own report and its schedules (its creator only)',
      middleware: [requirePermission('reports', 'edit')] as const,
      request: { params: z.object({ id: z.string().min(1).max(60) }) },
      responses: { 204: { description: 'Deleted' }, ...errorsFor(401, 403, 404) },
    }),
    async (c) => {
      await deleteReport(c.get('deps').db, c.get('user'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/reports/{key}/runs',
      tags,
      summary: 'Make a report file (CSV or XLSX) in the background; poll the run for its progress, then download it',
      middleware: [requirePermission('reports', 'view')] as const,
      request: { params: keyParams, body: jsonBody(reportRunInputSchema) },
      responses: { 202: json(reportRunSchema, 'Queued'), ...errorsFor(400, 401, 403, 404, 429) },
    }),
    async (c) => c.json(await startRun(c.get('deps'), c.get('user'), c.req.valid('param').key, c.req.valid('json')), 202),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/report-runs',
      tags,
      summary: "The user's files of the last day, newest first",
      middleware: [requirePermission('reports', 'view')] as const,
      responses: { 200: json(reportRunListSchema, 'Files'), ...errorsFor(401, 403) },
    }),
    async (c) => c.json({ items: await listRuns(c.get('deps'), c.get('user')) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/report-runs/{id}',
      tags,
      summary: 'A file being made: rows written of the total',
      middleware: [requirePermission('reports', 'view')] as const,
      request: { params: idParams },
      responses: { 200: json(reportRunSchema, 'The run'), ...errorsFor(401, 403, 404) },
    }),
    async (c) => c.json(await getRun(c.get('deps'), c.get('user'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/report-runs/{id}/cancel',
      tags,
      summary: 'Stop a file being made (what it wrote is dropped)',
      middleware: [requirePermission('reports', 'view')] as const,
      request: { params: idParams },
      responses: { 200: json(reportRunSchema, 'Cancelled'), ...errorsFor(401, 403, 404, 409) },
    }),
    async (c) => c.json(await cancelRun(c.get('deps'), c.get('user'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/report-runs/{id}/file',
      tags,
      summary: 'Download a finished file (kept for a day)',
      middleware: [requirePermission('reports', 'view')] as const,
      request: { params: idParams },
      responses: { 200: { description: 'The CSV or XLSX file' }, ...errorsFor(401, 403, 404, 409) },
    }),
    async (c) => {
      const { run, body } = await download(c.get('deps'), c.get('user'), c.req.valid('param').id);
      return c.body(body, 200, fileHeaders(run));
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/report-files/{token}',
      tags,
      summary: 'A scheduled file too large to attach, from the link in its email (until the file expires)',
      middleware: [publicRoute] as const,
      request: { params: z.object({ token: z.string().min(20).max(100) }) },
      responses: { 200: { description: 'The CSV or XLSX file' }, ...errorsFor(404) },
    }),
    async (c) => {
      const { db, clock } = c.get('deps');
      const run = await runOfDownloadToken(db, c.req.valid('param').token, clock());
      return c.body(fileStream(db, run.id), 200, fileHeaders(run));
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/report-schedules',
      tags,
      summary: "The dealer's scheduled reports, each with what it sent lately",
      middleware: [requirePermission('reports', 'view')] as const,
      responses: { 200: json(reportScheduleListSchema, 'Schedules'), ...errorsFor(401, 403) },
    }),
    async (c) => c.json({ items: await listSchedules(c.get('deps'), c.get('user')) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/report-schedules',
      tags,
      summary: 'Email a report daily, weekly or monthly to coordinators or addresses, for all, all but some, or some customers',
      middleware: [requirePermission('reports', 'edit')] as const,
      request: { body: jsonBody(reportScheduleInputSchema) },
      responses: { 201: json(reportScheduleSchema, 'Scheduled'), ...errorsFor(400, 401, 403, 404) },
    }),
    async (c) => c.json(await createSchedule(c.get('deps'), c.get('user'), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/report-schedules/{id}',
      tags,
      summary: 'Change a schedule',
      middleware: [requirePermission('reports', 'edit')] as const,
      request: { params: idParams, body: jsonBody(reportScheduleInputSchema) },
      responses: { 200: json(reportScheduleSchema, 'Saved'), ...errorsFor(400, 401, 403, 404) },
    }),
    async (c) => c.json(await updateSchedule(c.get('deps'), c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/report-schedules/{id}',
      tags,
      summary: 'Stop and remove a schedule',
      middleware: [requirePermission('reports', 'edit')] as const,
      request: { params: idParams },
      responses: { 204: { description: 'Deleted' }, ...errorsFor(401, 403, 404) },
    }),
    async (c) => {
      await deleteSchedule(c.get('deps'), c.get('user'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
