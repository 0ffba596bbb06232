/** Where the setup project keeps the sessions of the two analysts it signs up. */
export const ANALYSTS = { alice: '.auth/alice.json', bob: '.auth/bob.json' } as const;
