import { z } from 'zod';

export const MAX_PAGE_SIZE = 100;

/** Offset pagination for list procedures: page sizes are capped so no call can ask for the whole table. */
export const PageInput = z.strictObject({
  page: z.int().min(1).default(1),
  pageSize: z.int().min(1).max(MAX_PAGE_SIZE).default(25),
});

export const PageInfo = z.object({ page: z.int(), pageSize: z.int(), total: z.int() });

export function skipTake(p: { page: number; pageSize: number }) {
  return { skip: (p.page - 1) * p.pageSize, take: p.pageSize };
}
