import { router } from './init.ts';
import { auditRouter } from './routers/audit.ts';
import { companiesRouter } from './routers/companies.ts';
import { datasetsRouter } from './routers/datasets.ts';
import { entitiesRouter } from './routers/entities.ts';
import { importsRouter } from './routers/imports.ts';
import { meRouter } from './routers/me.ts';
import { productionRouter } from './routers/production.ts';
import { referenceRouter } from './routers/reference.ts';
import { scenariosRouter } from './routers/scenarios.ts';
import { scoreRouter } from './routers/score.ts';
import { searchRouter } from './routers/search.ts';
import { supplyRouter } from './routers/supply.ts';
import { tokensRouter } from './routers/tokens.ts';
import { usersRouter } from './routers/users.ts';
import { watchesRouter } from './routers/watches.ts';

export const appRouter = router({
  me: meRouter,
  reference: referenceRouter,
  production: productionRouter,
  score: scoreRouter,
  scenarios: scenariosRouter,
  companies: companiesRouter,
  supply: supplyRouter,
  users: usersRouter,
  audit: auditRouter,
  datasets: datasetsRouter,
  imports: importsRouter,
  tokens: tokensRouter,
  // search and entity pages
  search: searchRouter,
  entities: entitiesRouter,
  // watchlists and alerts
  watches: watchesRouter,
});

export type AppRouter = typeof appRouter;
