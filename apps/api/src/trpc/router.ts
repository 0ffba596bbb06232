import { router } from './init.ts';
import { meRouter } from './routers/me.ts';
import { productionRouter } from './routers/production.ts';
import { usersRouter } from './routers/users.ts';

export const appRouter = router({
  me: meRouter,
  production: productionRouter,
  users: usersRouter,
});

export type AppRouter = typeof appRouter;
