// A query string is all strings; the procedures' input schemas want numbers, booleans and arrays. This reads a
// URLSearchParams into the shape a schema expects by looking at each field's base type, and leaves anything it
// cannot read as it came, so the schema itself reports the bad value (never a silent 0 or NaN as z.coerce gives).
import type { z } from 'zod';

type Base = 'number' | 'boolean' | 'array' | 'other';

/** The type under optional/default/nullable/pipe wrappers: what a query value must become. */
export function baseType(schema: z.core.$ZodType): Base {
  const def = schema._zod.def;
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nullable':
      return baseType((def as z.core.$ZodOptionalDef).innerType);
    case 'pipe':
      return baseType((def as z.core.$ZodPipeDef).in);
    case 'number':
    case 'int':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return 'array';
    default:
      return 'other';
  }
}

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;

function scalar(base: Base, value: string): string | number | boolean {
  if (base === 'number' && NUMBER.test(value)) return Number(value);
  if (base === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/**
 * The query as the schema's fields want it. A repeated key is an array for an array field (`types=a&types=b`) and
 * kept as an array otherwise, so the schema refuses it rather than one value winning unseen.
 */
export function readQuery(
  shape: Record<string, z.core.$ZodType>,
  params: URLSearchParams,
): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    const field = shape[key];
    const base = field ? baseType(field) : 'other';
    if (base === 'array') out[key] = values;
    else out[key] = values.length === 1 ? scalar(base, values[0] ?? '') : values;
  }
  return { ...out };
}
