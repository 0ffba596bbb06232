import type { Actor } from '../../queries/user-admin.ts';

/** Who is acting, for the audit log: the signed-in admin and the address the request came from. */
export const actorOf = (ctx: { user: { id: string; email: string }; ip: string | null }): Actor => ({
  id: ctx.user.id,
  email: ctx.user.email,
  ip: ctx.ip,
});
