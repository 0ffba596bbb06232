// Signs up the two analysts the journeys use, once per run, through the API, and keeps their sessions. (Each
// journey signing up its own users would trip the sign-up rate limit, as it should.)
import { randomUUID } from 'node:crypto';
import { test as setup } from '@playwright/test';

import { ADMIN, ANALYSTS } from './analysts';

for (const [name, path] of Object.entries(ANALYSTS)) {
  setup(`sign up ${name}`, async ({ request, baseURL }) => {
    const email = `${name}-${randomUUID()}@test.ree.local`;
    const password = 'a sturdy passphrase for e2e';
    const headers = { origin: new URL(baseURL ?? 'http://localhost:3100').origin };
    const response = await request.post('/api/auth/sign-up/email', {
      data: { email, password, name },
      headers,
    });
    if (!response.ok())
      throw new Error(`sign-up of ${name} failed: ${response.status()} ${await response.text()}`);
    // Sign-up starts no session (its answer must not tell whether the e-mail was registered): sign in.
    const signIn = await request.post('/api/auth/sign-in/email', { data: { email, password }, headers });
    if (!signIn.ok()) throw new Error(`sign-in of ${name} failed: ${signIn.status()} ${await signIn.text()}`);
    await request.storageState({ path });
  });
}

setup('sign in the admin', async ({ request, baseURL }) => {
  const response = await request.post('/api/auth/sign-in/email', {
    data: { email: ADMIN.email, password: ADMIN.password },
    headers: { origin: new URL(baseURL ?? 'http://localhost:3100').origin },
  });
  if (!response.ok()) throw new Error(`admin sign-in failed: ${response.status()} ${await response.text()}`);
  await request.storageState({ path: ADMIN.state });
});
