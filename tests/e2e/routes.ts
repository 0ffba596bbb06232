/** Every page of the portal a signed-in analyst can open, for the sweeps (accessibility, first-load size). */
export const PORTAL_PAGES = [
  '/dashboard',
  '/score',
  '/elements',
  '/elements/Dy',
  '/countries',
  '/countries/CHN',
  '/facilities',
  '/timeline',
  '/claims',
  '/method',
  '/downloads',
  '/scenarios',
  '/scenarios/new',
] as const;
