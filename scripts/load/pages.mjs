// The signed-in pages the page benches (bench:pages, bench:paint) measure.
export const PAGES = [
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
  '/scenarios',
  '/scenarios/new',
];
