import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';

/**
 * Every list a client may send is bounded: one request can never make the server loop over an
 * unbounded list (on PGlite's single connection that stalls every tenant). Walks the OpenAPI
 * description of every route's body and query and names each array without maxItems.
 */
type Schema = { type?: string | string[]; items?: Schema; properties?: Record<string, Schema>; additionalProperties?: Schema | boolean; maxItems?: number; anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[]; $ref?: string };
type Document = {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> }; parameters?: { in: string; name: string; schema?: Schema }[] }>>;
  components?: { schemas?: Record<string, Schema> };
};

function unbounded(schema: Schema | undefined, path: string, document: Document, seen = new Set<string>()): string[] {
  if (!schema || typeof schema !== 'object') return [];
  if (schema.$ref) {
    if (seen.has(schema.$ref)) return [];
    const name = schema.$ref.split('/').at(-1)!;
    return unbounded(document.components?.schemas?.[name], path, document, new Set([...seen, schema.$ref]));
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const here = types.includes('array') && schema.maxItems === undefined ? [path] : [];
  return [
    ...here,
    ...unbounded(schema.items, `${path}[]`, document, seen),
    ...Object.entries(schema.properties ?? {}).flatMap(([key, child]) => unbounded(child, `${path}.${key}`, document, seen)),
    ...(typeof schema.additionalProperties === 'object' ? unbounded(schema.additionalProperties, `${path}.*`, document, seen) : []),
    ...[...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])].flatMap((child) => unbounded(child, path, document, seen)),
  ];
}

describe('request lists', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('have a maximum in every route body and query', async () => {
    const document = (await (await t.app.request('/api/openapi.json')).json()) as Document;
    const offenders = Object.entries(document.paths).flatMap(([route, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) => [
        ...Object.values(operation.requestBody?.content ?? {}).flatMap((content) => unbounded(content.schema, `${method.toUpperCase()} ${route} body`, document)),
        ...(operation.parameters ?? []).filter((parameter) => parameter.in === 'query').flatMap((parameter) => unbounded(parameter.schema, `${method.toUpperCase()} ${route} ?${parameter.name}`, document)),
      ]),
    );
    expect(offenders).toEqual([]);
  });
});
