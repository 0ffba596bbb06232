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
  // search and entity pages
  '/search?q=Lynas',
  '/facilities/mount-weld',
  '/operators/lynas-rare-earths',
  '/policies/china-licensing-2025-04',
  '/partnerships/jare-lynas-2023',
  // watchlists and alerts
  '/watches',
] as const;
