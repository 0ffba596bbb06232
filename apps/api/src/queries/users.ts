import { z } from 'zod';
import type { Db } from '../db/client.ts';

export const MAX_PAGE_SIZE = 100;

export const ListUsersInput = z.strictObject({
  search: z.string().trim().max(200).optional(),
  cursor: z.string().optional(),
  limit: z.int().min(1).max(MAX_PAGE_SIZE).default(25),
});

export const UserSummary = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['user', 'admin']),
  disabled: z.boolean(),
  createdAt: z.date(),
});

export async function listUsers(db: Db, input: z.infer<typeof ListUsersInput>) {
  const rows = await db.user.findMany({
    where: input.search
      ? {
          OR: [
            { email: { contains: input.search, mode: 'insensitive' } },
            { name: { contains: input.search, mode: 'insensitive' } },
          ],
        }
      : {},
    select: { id: true, email: true, name: true, role: true, disabled: true, createdAt: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, input.limit);
  return { items: page, nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}
