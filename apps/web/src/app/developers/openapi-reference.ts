// The part of the API's OpenAPI document the reference page shows, read with a schema (the document comes over
// HTTP, so it is parsed like any answer), and the page's pieces computed from it: parameter rows, response
// fields and an example curl per endpoint.
import 'server-only';
import { z } from 'zod';

type SchemaNode = {
  type?: string | string[] | undefined;
  enum?: (string | number | boolean | null)[] | undefined;
  default?: string | number | boolean | null | (string | number | boolean | null)[] | undefined;
  minimum?: number | undefined;
  maximum?: number | undefined;
  format?: string | undefined;
  pattern?: string | undefined;
  properties?: Record<string, SchemaNode> | undefined;
  items?: SchemaNode | undefined;
  anyOf?: SchemaNode[] | undefined;
  oneOf?: SchemaNode[] | undefined;
};
const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const SchemaNode: z.ZodType<SchemaNode> = z.lazy(() =>
  z.object({
    type: z.union([z.string(), z.array(z.string())]).optional(),
    enum: z.array(Scalar).optional(),
    // JSON Schema allows any value; ours are scalars or lists of them (an empty list of sectors).
    default: z.union([Scalar, z.array(Scalar)]).optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    format: z.string().optional(),
    pattern: z.string().optional(),
    properties: z.record(z.string(), SchemaNode).optional(),
    items: SchemaNode.optional(),
    anyOf: z.array(SchemaNode).optional(),
    oneOf: z.array(SchemaNode).optional(),
  }),
);

const Parameter = z.object({
  name: z.string(),
  required: z.boolean(),
  description: z.string().optional(),
  schema: SchemaNode,
});
const Operation = z.object({
  operationId: z.string(),
  tags: z.array(z.string()),
  summary: z.string(),
  description: z.string(),
  parameters: z.array(Parameter).default([]),
  responses: z.record(
    z.string(),
    z.object({ content: z.record(z.string(), z.object({ schema: SchemaNode.optional() })).optional() }),
  ),
});
export const OpenApiDocument = z.object({
  openapi: z.string(),
  info: z.object({ title: z.string(), version: z.string(), description: z.string() }),
  paths: z.record(z.string(), z.object({ get: Operation })),
});
export type OpenApiDocument = z.infer<typeof OpenApiDocument>;

/** A schema's type in a few words: `integer 1950–2060`, `one of mining, separation`, `array of string`. */
export function typeLabel(node: SchemaNode): string {
  const variants = node.anyOf ?? node.oneOf;
  if (variants) return variants.map(typeLabel).join(' or ');
  if (node.enum) return `one of ${node.enum.join(', ')}`;
  if (node.type === 'array') return `array of ${node.items ? typeLabel(node.items) : 'values'}`;
  const type = Array.isArray(node.type) ? node.type.join(' | ') : (node.type ?? 'value');
  const range =
    node.minimum !== undefined && node.maximum !== undefined && node.maximum < 1e15
      ? ` ${node.minimum}–${node.maximum}`
      : '';
  return `${type}${node.format ? ` (${node.format})` : ''}${range}`;
}

/** The answer's top-level fields with their types (a list's item fields under `data[]`). */
export function responseFields(operation: z.infer<typeof Operation>): { name: string; type: string }[] {
  const schema = operation.responses['200']?.content?.['application/json']?.schema;
  const top = Object.entries(schema?.properties ?? {}).map(([name, node]) => ({
    name,
    type: typeLabel(node),
  }));
  const item = schema?.properties?.data?.items?.properties;
  const items = Object.entries(item ?? {}).map(([name, node]) => ({
    name: `data[].${name}`,
    type: typeLabel(node),
  }));
  return [...top, ...items];
}

/** A value that the parameter accepts, for the example: its default, its first choice, or a country code. */
function exampleValue(node: SchemaNode): string {
  if (node.enum?.[0] !== undefined) return String(node.enum[0]);
  if (node.pattern?.includes('A-Z')) return 'JPN';
  return 'value';
}

export function exampleCurl(origin: string, path: string, operation: z.infer<typeof Operation>): string {
  const required = operation.parameters.filter((p) => p.required);
  const query = required.map((p) => `${p.name}=${encodeURIComponent(exampleValue(p.schema))}`).join('&');
  const url = `${origin}${path}${query ? `?${query}` : ''}`;
  return `curl -H "Authorization: Bearer $REE_TOKEN" '${url}'`;
}
