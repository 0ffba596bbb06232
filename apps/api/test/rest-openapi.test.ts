// Issue 15: the OpenAPI 3.1 document of /api/v1 validates, and it and the route table name the same endpoints.
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../src/http/rest/openapi.ts';
import { collectRange } from '../src/http/rest/paging.ts';
import { BULK_ZIP_PATH, OPENAPI_PATH, REST_ROUTES } from '../src/http/rest/routes.ts';

/** Every schema object in the document that accepts anything (`{}`): a zod type JSON Schema could not express. */
function emptySchemas(node: unknown, at = '$'): string[] {
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => {
    const here = `${at}.${key}`;
    const isSchema = key === 'schema' || key === 'items' || at.endsWith('.properties');
    if (isSchema && value && typeof value === 'object' && Object.keys(value).length === 0) return [here];
    return emptySchemas(value, here);
  });
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const document = openApiDocument();
    expect(document.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
  });

  it('names every route of the table, and only those (plus itself)', () => {
    const documented = Object.keys(openApiDocument().paths).sort();
    expect(documented).toEqual([...REST_ROUTES.map((r) => r.path), OPENAPI_PATH, BULK_ZIP_PATH].sort());
  });

  it('documents every parameter with its schema, and every answer with a schema that constrains it', () => {
    const document = openApiDocument();
    for (const route of REST_ROUTES) {
      const operation = (
        document.paths[route.path] as { get: { parameters: { name: string; description?: string }[] } }
      ).get;
      expect(operation.parameters.map((p) => p.name).sort(), route.path).toEqual(
        Object.keys(route.query.shape).sort(),
      );
      for (const p of operation.parameters) expect(p.description, `${route.path} ${p.name}`).toBeTruthy();
    }
    expect(emptySchemas(document.paths)).toEqual([]);
  });

  it('asks for a bearer token or the session cookie everywhere but on itself', () => {
    const document = openApiDocument();
    expect(document.security).toEqual([{ bearerAuth: [] }, { cookieAuth: [] }]);
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect((document.paths[OPENAPI_PATH] as { get: { security: unknown[] } }).get.security).toEqual([]);
  });
});

describe('collectRange (REST pages over the procedures’ pages of 100)', () => {
  const rows = Array.from({ length: 253 }, (_, i) => i);
  const fetchPage = async (page: number, pageSize: number) => ({
    items: rows.slice((page - 1) * pageSize, page * pageSize),
    total: rows.length,
    meta: page,
  });

  it('gives exactly the items of the range, whatever its alignment', async () => {
    for (const [offset, limit] of [
      [0, 100],
      [0, 1000],
      [95, 10],
      [99, 102],
      [250, 10],
      [253, 5],
      [400, 5],
    ] as const) {
      const got = await collectRange(offset, limit, fetchPage);
      expect(got.items, `${offset}+${limit}`).toEqual(rows.slice(offset, offset + limit));
      expect(got.total).toBe(253);
    }
  });

  it('calls only the pages it needs', async () => {
    expect((await collectRange(95, 10, fetchPage)).metas).toEqual([1, 2]);
    expect((await collectRange(0, 100, fetchPage)).metas).toEqual([1]);
    expect((await collectRange(0, 1000, fetchPage)).metas).toEqual([1, 2, 3]);
  });
});
