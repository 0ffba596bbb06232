import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';

/** Signs a fresh analyst up through the API (not the form), so journeys start signed in and can run in any order. */
export async function signUpAnalyst(page: Page): Promise<string> {
  const email = `e2e-${randomUUID()}@test.ree.local`;
  const origin = new URL(page.context().pages()[0]?.url() || 'http://localhost:3100').origin;
  const response = await page.request.post('/api/auth/sign-up/email', {
    data: { email, password: 'a sturdy passphrase for e2e', name: 'E2E Analyst' },
    headers: { origin: origin === 'null' ? 'http://localhost:3100' : origin },
  });
  if (!response.ok()) throw new Error(`sign-up failed: ${response.status()} ${await response.text()}`);
  return email;
}
