/** Where the setup project keeps the sessions of the two analysts it signs up. */
export const ANALYSTS = { alice: '.auth/alice.json', bob: '.auth/bob.json' } as const;

/** The admin made by `admin:create` before the API starts (see playwright.config.ts), and where its session is kept. */
export const ADMIN = {
  email: process.env.E2E_ADMIN_EMAIL ?? '',
  password: process.env.E2E_ADMIN_PASSWORD ?? '',
  state: '.auth/admin.json',
} as const;
