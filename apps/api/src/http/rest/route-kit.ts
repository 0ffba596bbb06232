// How a REST route is declared: its path, its parameters (a procedure's input schema, or its shape with paging
// swapped in for lists) and its answer (the procedure's output schema, or a list envelope of its items). The
// handler only calls the tRPC procedure through a caller, so authorisation and the method stay in the procedure.
import { z } from 'zod';
import { SourceRef, VersionRef } from '../../queries/versioned.ts';
import { createCallerFactory } from '../../trpc/init.ts';
import { appRouter } from '../../trpc/router.ts';
import {
  type Cursor,
  collectRange,
  decodeCursor,
  encodeCursor,
  filtersDigest,
  PagingParams,
} from './paging.ts';

export const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

/** Bad parameters found before any procedure ran (the procedure's own schema reports the rest). */
export class ParamError extends Error {
  constructor(readonly zodError: z.ZodError) {
    super('invalid parameters');
  }
}

export interface RestRoute {
  path: string;
  /** One word that groups routes on the reference page. */
  tag: string;
  summary: string;
  description: string;
  /** The query parameters, as the procedure's schema declares them (used for reading, checking and the document). */
  query: z.ZodObject;
  /** What a parameter means, for the document (the schemas' own comments are not visible at run time). */
  paramDocs: Record<string, string>;
  /** The 200 answer's schema. */
  output: z.ZodType;
  list: boolean;
  answer(caller: Caller, raw: Record<string, unknown>): Promise<unknown>;
}

type Spec = Pick<RestRoute, 'path' | 'tag' | 'summary' | 'description'> & {
  paramDocs?: Record<string, string>;
};

function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ParamError(parsed.error);
  return parsed.data;
}

/** A route answering one object: the procedure's output as it is (it names its dataset version and sources). */
export function objectRoute<In extends z.ZodObject, Out extends z.ZodType>(
  spec: Spec & {
    input: In;
    output: Out;
    call: (caller: Caller, input: z.output<In>) => Promise<z.output<Out>>;
  },
): RestRoute {
  return {
    ...spec,
    paramDocs: spec.paramDocs ?? {},
    query: spec.input,
    list: false,
    answer: (caller, raw) => spec.call(caller, parse(spec.input, raw)),
  };
}

const Meta = z.object({ datasetVersion: VersionRef.nullable(), sources: z.array(SourceRef) });
type Meta = z.infer<typeof Meta>;

/** The answer of every list: a page of items, the cursor of the next page (null on the last), version, sources. */
export function listEnvelope<Item extends z.ZodType>(item: Item, versioned: boolean) {
  return z.object({
    data: z.array(item),
    nextCursor: z.string().nullable(),
    datasetVersion: versioned ? VersionRef : VersionRef.nullable(),
    sources: z.array(SourceRef),
  });
}

/**
 * A route answering a list, paged by `limit` and `cursor` over the procedure's own pages. `filters` is the
 * procedure's input shape without its paging; `page` calls the procedure for one of its pages.
 */
export function listRoute<F extends z.ZodRawShape, Item extends z.ZodType>(
  spec: Spec & {
    filters: F;
    item: Item;
    /** Whether the list belongs to a dataset version (`asOf`, pinned by the cursor). */
    versioned: boolean;
    page: (
      caller: Caller,
      filters: Omit<z.output<z.ZodObject<F>>, 'asOf'>,
      asOf: string | undefined,
      page: { page: number; pageSize: number },
    ) => Promise<{ items: z.output<Item>[]; total: number } & Meta>;
  },
): RestRoute {
  const query = z.strictObject({ ...spec.filters, ...PagingParams });
  const filterSchema = z.strictObject(spec.filters);
  const pagingSchema = z.object(PagingParams);
  return {
    ...spec,
    paramDocs: { ...spec.paramDocs, ...PAGING_DOCS },
    query,
    output: listEnvelope(spec.item, spec.versioned),
    list: true,
    async answer(caller, raw) {
      const { limit, cursor: cursorText, ...rest } = raw;
      const paging = pagingSchema.safeParse({ limit, cursor: cursorText });
      const parsed = filterSchema.safeParse(rest);
      const issues = [...(paging.error?.issues ?? []), ...(parsed.error?.issues ?? [])];
      if (!paging.success || !parsed.success) throw new ParamError(new z.ZodError(issues));
      const { asOf: asked, ...filters } = parsed.data as z.output<typeof filterSchema> & { asOf?: string };
      const digest = filtersDigest(filters);
      const cursor = paging.data.cursor === undefined ? null : readCursor(paging.data.cursor, digest, asked);
      let asOf = cursor?.v ?? asked;
      const offset = cursor?.o ?? 0;
      const range = await collectRange(offset, paging.data.limit, async (page, pageSize) => {
        const got = await spec.page(caller, filters, asOf, { page, pageSize });
        // Later pages read the version the first one found, even if another is published meanwhile.
        if (spec.versioned && got.datasetVersion) asOf ??= got.datasetVersion.id;
        return { items: got.items, total: got.total, meta: got };
      });
      const first = range.metas[0];
      const end = offset + range.items.length;
      const next: Cursor = { v: spec.versioned ? (asOf ?? null) : null, o: end, q: digest };
      return {
        data: range.items,
        nextCursor: end < range.total ? encodeCursor(next) : null,
        datasetVersion: first?.datasetVersion ?? null,
        sources: uniqueSources(range.metas.flatMap((m) => m.sources)),
      };
    },
  };
}

const PAGING_DOCS = {
  limit: 'Items per page: default 100, at most 1000.',
  cursor:
    "The previous page's `nextCursor`, unchanged; the other parameters must be the same as for that page.",
};

function readCursor(text: string, digest: string, asked: string | undefined): Cursor {
  const cursor = decodeCursor(text);
  const fail = (message: string) =>
    new ParamError(new z.ZodError([{ code: 'custom', path: ['cursor'], message, input: text }]));
  if (!cursor) throw fail('not a cursor this API gave out');
  if (cursor.q !== digest) throw fail('the cursor belongs to a list with other parameters');
  if (asked !== undefined && cursor.v !== asked) throw fail('the cursor belongs to another asOf version');
  return cursor;
}

function uniqueSources(sources: z.infer<typeof SourceRef>[]) {
  return [...new Map(sources.map((s) => [s.id, s])).values()];
}
