// The only thing the web app imports from the API: the router's type, so no server code can be bundled.
export type { AppRouter } from './router.ts';
