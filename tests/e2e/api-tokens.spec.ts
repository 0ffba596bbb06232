// Issue 15, personal API tokens: an analyst creates a named token, sees its secret once (gone after a reload), the
// API answers it, and after a confirmed revoke the API refuses it with 401.
import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations, shot } from './page-checks';

const API = `http://127.0.0.1:${process.env.E2E_API_PORT ?? 4100}`;

test('create a token, see it once, use it, revoke it', async ({ page, request }, testInfo) => {
  const name = `E2E token ${Date.now()}`;
  await page.goto('/account/tokens');
  await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create token' })).toBeEnabled();
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByRole('status').first()).toHaveText(
    `Token “${name}” created. Copy it now: it will not be shown again.`,
  );
  const secret = (await page.getByTestId('new-token-secret').textContent()) ?? '';
  expect(secret).toMatch(/^ree_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByText(`curl -H 'Authorization: Bearer ${secret}'`)).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Active');
  await expect(row).toContainText(secret.slice(0, 12));
  await shot(page, testInfo, 'api-tokens-created');
  await expectNoSeriousAxeViolations(page);

  const bearer = { authorization: `Bearer ${secret}` };
  expect((await request.get(`${API}/trpc/me.get`, { headers: bearer })).status()).toBe(200);

  // Shown once: a reload has only the prefix.
  await page.reload();
  await expect(page.getByTestId('new-token-secret')).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);

  await expect(row.getByRole('button', { name: 'Revoke' })).toBeEnabled();
  await row.getByRole('button', { name: 'Revoke' }).click();
  const dialog = page.getByRole('dialog', { name: `Revoke the token “${name}”?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByRole('status').first()).toHaveText(
    `Token “${name}” revoked: it gets 401 from now on.`,
  );
  await expect(row).toContainText('Revoked');
  await expect(row.getByRole('button', { name: 'Revoke' })).toHaveCount(0);

  const refused = await request.get(`${API}/trpc/me.get`, { headers: bearer });
  expect(refused.status()).toBe(401);
  expect(await refused.text()).toContain('This API token has been revoked.');
});
