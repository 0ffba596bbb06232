// The OpenAPI 3.1 document of /api/v1, generated from the route table's zod schemas with zod 4's own
// z.toJSONSchema (draft 2020-12 is OpenAPI 3.1's schema dialect). Chosen over zod-openapi /
// zod-to-openapi / trpc-to-openapi: no dependency, no metadata to add to the domain's schemas, and the
// routes already carry path and parameter docs; trpc-to-openapi would also need an `.meta({ openapi })` on
// every procedure and its own adapter in front of ours.
import { z } from 'zod';
import { Problem } from './problem.ts';
import type { RestRoute } from './route-kit.ts';
import { API_PREFIX, BULK_ZIP_PATH, OPENAPI_PATH, REST_ROUTES } from './routes.ts';

type JsonSchema = Record<string, unknown>;

/** A schema as JSON Schema 2020-12; a Date goes over the wire as its ISO string. */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type === 'date') {
        ctx.jsonSchema.type = 'string';
        ctx.jsonSchema.format = 'date-time';
      }
    },
  });
  return rest;
}

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

function operationId(path: string): string {
  return path
    .slice(API_PREFIX.length + 1)
    .split(/[/-]/)
    .map((part, i) => (i === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');
}

function parameters(route: RestRoute) {
  return Object.entries(route.query.shape).map(([name, field]) => {
    const schema = field as z.ZodType;
    const array = jsonSchemaOf(schema, 'input').type === 'array';
    return {
      name,
      in: 'query',
      required: !schema.safeParse(undefined).success,
      ...(route.paramDocs[name] ? { description: route.paramDocs[name] } : {}),
      schema: jsonSchemaOf(schema, 'input'),
      ...(array ? { style: 'form', explode: true } : {}),
    };
  });
}

function operation(route: RestRoute) {
  return {
    operationId: operationId(route.path),
    tags: [route.tag],
    summary: route.summary,
    description: route.description,
    parameters: parameters(route),
    responses: {
      '200': {
        description: route.list
          ? "A page of items, the next page's cursor (null on the last page), the dataset version and sources."
          : 'The answer, with the dataset version and sources it comes from.',
        headers: { ETag: { description: 'Strong hash of the body.', schema: { type: 'string' } } },
        content: { 'application/json': { schema: jsonSchemaOf(route.output, 'output') } },
      },
      '304': { description: 'Not modified: the If-None-Match tag is still the answer.' },
      '400': problemResponse('A parameter is not valid; `errors` names each one.'),
      '401': problemResponse('No valid credentials.'),
      '403': problemResponse('The account must first choose a new password.'),
      '404': problemResponse('No such published version (`asOf`), country, or data for the cell asked.'),
      '429': problemResponse('Too many requests in flight for this caller (Retry-After).'),
      '503': problemResponse('The API or its database is busy (Retry-After).'),
    },
  };
}

function build() {
  const paths: Record<string, unknown> = {
    [OPENAPI_PATH]: {
      get: {
        operationId: 'openapi',
        tags: ['meta'],
        summary: 'This document',
        description: 'The OpenAPI 3.1 document of this API. Public: it holds no data.',
        security: [],
        responses: { '200': { description: 'The document.', content: { 'application/json': {} } } },
      },
    },
  };
  paths[BULK_ZIP_PATH] = {
    get: {
      operationId: 'versionBulkZip',
      tags: ['versions'],
      summary: 'A published version in bulk',
      description:
        'One CSV per table in the shipped format, metadata.json (sources with licence and date accessed, a citation, ' +
        'processing notes) and README.txt, streamed as a ZIP. Rows of sources whose licence forbids redistribution ' +
        'are left out, and metadata.json lists them under `withheld`. A draft or unknown id is 404.',
      parameters: [
        {
          name: 'id',
          in: 'path',
          required: true,
          description: 'A published version id (see /api/v1/versions).',
          schema: { type: 'string', format: 'uuid' },
        },
      ],
      responses: {
        '200': {
          description: 'The ZIP.',
          content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
        },
        '401': { description: 'No valid token or session.' },
        '404': { description: 'No published version with this id.' },
      },
    },
  };
  for (const route of REST_ROUTES) paths[route.path] = { get: operation(route) };
  return {
    openapi: '3.1.0',
    info: {
      title: 'REE Resilience API',
      version: '1.0.0',
      description:
        'Read-only access to the published rare-earth dataset: production shares and concentration, trade, facilities, policies, resilience scores explained and EU supply risk. Every answer names its dataset version and sources; pass `asOf` to read an older published version.',
    },
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }, { cookieAuth: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'A personal API token, created on /account/tokens.',
        },
        cookieAuth: {
          type: 'apiKey',
          in: 'cookie',
          name: 'better-auth.session_token',
          description: "The portal's session cookie (`__Secure-` prefixed over HTTPS).",
        },
      },
      schemas: { Problem: jsonSchemaOf(Problem, 'output') },
    },
  };
}

let cached: ReturnType<typeof build> | null = null;

/** Built once: the routes and schemas do not change while the process runs. */
export function openApiDocument(): ReturnType<typeof build> {
  cached ??= build();
  return cached;
}
