import { createRoute, z } from '@hono/zod-openapi';
import {
  noticeFrameSchema,
  noticeListSchema,
  noticePreviewSchema,
  noticeRuleListSchema,
  noticeRuleSchema,
  noticeTemplateListSchema,
  noticeTemplateSchema,
  noticeTemplateTextSchema,
} from '@parc/shared/contracts/notifications';
import { LANGUAGES } from '@parc/shared/languages';
import { NOTICE_CATEGORIES } from '@parc/shared/notifications/categories';
import { createRouter } from '../../http/router.ts';
import { errorResponses, json, jsonBody } from '../../http/openapi.ts';
import { requirePermission } from '../auth/access.ts';
import * as service from './notifications.service.ts';

const tags = ['notifications'];
const categoryParams = z.object({ category: z.enum(NOTICE_CATEGORIES) });
const customerCategoryParams = z.object({ id: z.uuid(), category: z.enum(NOTICE_CATEGORIES) });
const templateParams = z.object({ category: z.enum(NOTICE_CATEGORIES), language: z.enum(LANGUAGES) });
const languageParams = z.object({ language: z.enum(LANGUAGES) });
const rulesAnswer = { 200: json(noticeRuleListSchema, 'Every category with the rule that applies and where it comes from'), ...errorResponses };

/** The dealer's notification settings live with its other settings; a customer's overrides with the customer. */
export const notificationRoutes = createRouter()
  .openapi(
    createRoute({ method: 'get', path: '/notification-rules', tags, summary: "The dealer's rule for each category (Parc's default where it set none)", middleware: [requirePermission('settings', 'view')] as const, responses: rulesAnswer }),
    async (c) => c.json({ items: await service.dealerRules(c.get('deps').db, c.get('user')) }, 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/notification-rules/{category}',
      tags,
      summary: "Set the dealer's rule for a category",
      middleware: [requirePermission('settings', 'edit')] as const,
      request: { params: categoryParams, body: jsonBody(noticeRuleSchema) },
      responses: rulesAnswer,
    }),
    async (c) => {
      const { db, clock } = c.get('deps');
      return c.json({ items: await service.setDealerRule(db, c.get('user'), c.req.valid('param').category, c.req.valid('json'), clock()) }, 200);
    },
  )
  .openapi(
    createRoute({ method: 'delete', path: '/notification-rules/{category}', tags, summary: "Back to Parc's default for a category", middleware: [requirePermission('settings', 'edit')] as const, request: { params: categoryParams }, responses: rulesAnswer }),
    async (c) => c.json({ items: await service.resetDealerRule(c.get('deps').db, c.get('user'), c.req.valid('param').category) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/customers/{id}/notification-rules',
      tags,
      summary: "The rules that apply to one customer: its own, else the dealer's, else Parc's default",
      middleware: [requirePermission('customers', 'view')] as const,
      request: { params: z.object({ id: z.uuid() }) },
      responses: rulesAnswer,
    }),
    async (c) => c.json({ items: await service.customerRules(c.get('deps').db, c.get('user'), c.req.valid('param').id) }, 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/customers/{id}/notification-rules/{category}',
      tags,
      summary: "Give a customer its own rule for a category, in place of the dealer's",
      middleware: [requirePermission('customers', 'edit')] as const,
      request: { params: customerCategoryParams, body: jsonBody(noticeRuleSchema) },
      responses: rulesAnswer,
    }),
    async (c) => {
      const { db, clock } = c.get('deps');
      const { id, category } = c.req.valid('param');
      return c.json({ items: await service.setCustomerRule(db, c.get('user'), id, category, c.req.valid('json'), clock()) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/customers/{id}/notification-rules/{category}',
      tags,
      summary: "The customer follows the dealer's rule again",
      middleware: [requirePermission('customers', 'edit')] as const,
      request: { params: customerCategoryParams },
      responses: rulesAnswer,
    }),
    async (c) => {
      const { id, category } = c.req.valid('param');
      return c.json({ items: await service.inheritCustomerRule(c.get('deps').db, c.get('user'), id, category) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/notification-templates',
      tags,
      summary: 'Which category and language the dealer has rewritten',
      middleware: [requirePermission('settings', 'view')] as const,
      responses: { 200: json(noticeTemplateListSchema, 'Every category × language'), ...errorResponses },
    }),
    async (c) => c.json({ items: await service.templateList(c.get('deps').db, c.get('user')) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/notification-templates/{category}/{language}',
      tags,
      summary: 'The text sent for a category in a language, its built-in text and its placeholders',
      middleware: [requirePermission('settings', 'view')] as const,
      request: { params: templateParams },
      responses: { 200: json(noticeTemplateSchema, 'The template'), ...errorResponses },
    }),
    async (c) => {
      const { category, language } = c.req.valid('param');
      return c.json(await service.templateOf(c.get('deps').db, c.get('user'), category, language), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/notification-templates/{category}/{language}',
      tags,
      summary: "Save the dealer's text; a placeholder the category does not have is refused",
      middleware: [requirePermission('settings', 'edit')] as const,
      request: { params: templateParams, body: jsonBody(noticeTemplateTextSchema) },
      responses: { 200: json(noticeTemplateSchema, 'Saved'), ...errorResponses },
    }),
    async (c) => {
      const { db, clock } = c.get('deps');
      const { category, language } = c.req.valid('param');
      return c.json(await service.saveTemplate(db, c.get('user'), category, language, c.req.valid('json'), clock()), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/notification-templates/{category}/{language}',
      tags,
      summary: 'Back to the built-in text',
      middleware: [requirePermission('settings', 'edit')] as const,
      request: { params: templateParams },
      responses: { 200: json(noticeTemplateSchema, 'The built-in text, now in use'), ...errorResponses },
    }),
    async (c) => {
      const { category, language } = c.req.valid('param');
      return c.json(await service.resetTemplate(c.get('deps').db, c.get('user'), category, language), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/notification-templates/{category}/{language}/preview',
      tags,
      summary: 'The email a text would send, with the latest real event of the category (sample values when there is none)',
      middleware: [requirePermission('settings', 'view')] as const,
      request: { params: templateParams, body: jsonBody(noticeTemplateTextSchema) },
      responses: { 200: json(noticePreviewSchema, 'Rendered, not sent'), ...errorResponses },
    }),
    async (c) => {
      const { category, language } = c.req.valid('param');
      return c.json(await service.previewTemplate(c.get('deps'), c.get('user'), category, language, c.req.valid('json')), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/notification-frames/{language}',
      tags,
      summary: 'The header and footer around every notice in a language',
      middleware: [requirePermission('settings', 'view')] as const,
      request: { params: languageParams },
      responses: { 200: json(noticeFrameSchema, 'Empty texts for none'), ...errorResponses },
    }),
    async (c) => c.json(await service.frameOf(c.get('deps').db, c.get('user'), c.req.valid('param').language), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/notification-frames/{language}',
      tags,
      summary: 'Set the header and footer of a language',
      middleware: [requirePermission('settings', 'edit')] as const,
      request: { params: languageParams, body: jsonBody(noticeFrameSchema) },
      responses: { 200: json(noticeFrameSchema, 'Saved'), ...errorResponses },
    }),
    async (c) => c.json(await service.saveFrame(c.get('deps').db, c.get('user'), c.req.valid('param').language, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/notices',
      tags,
      summary: 'The last 100 notices, newest first, with whom they reached and when',
      middleware: [requirePermission('settings', 'view')] as const,
      responses: { 200: json(noticeListSchema, 'Notices'), ...errorResponses },
    }),
    async (c) => c.json({ items: await service.recentNotices(c.get('deps').db, c.get('user')) }, 200),
  );
