// Lets a page say "503" when the API could not answer it. Server components only throw (the page renders
// error.tsx, which Next sends as 500); the web server (web-server.ts) runs each request inside this store, a
// failed call to the API is noted in it (api-server.ts), and a 500 then goes out as the 503/504 it really is.
// Keyed on a global symbol: server.ts and Next's own build each load a copy of this module.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Unavailable } from './unavailable';

export interface RequestFailures {
  api?: Unavailable;
}

const KEY = Symbol.for('ree.web.request-failures');
const holder = globalThis as { [KEY]?: AsyncLocalStorage<RequestFailures> };
holder[KEY] ??= new AsyncLocalStorage<RequestFailures>();
const store = holder[KEY];

/** Runs `work` with a fresh record of the request's failures, given to `work`. */
export function withRequestFailures<T>(work: (failures: RequestFailures) => T): T {
  const failures: RequestFailures = {};
  return store.run(failures, () => work(failures));
}

/** Notes that the API could not answer a call made for the current request (the first failure counts). */
export function noteApiFailure(failure: Unavailable): void {
  const failures = store.getStore();
  if (failures && !failures.api) failures.api = failure;
}
