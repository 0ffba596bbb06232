// Issue 14, the admin asks before what cannot be undone and says what happened: publishing a draft asks first
// (cancel changes nothing; confirm publishes and says so), making an earlier version current asks too, and a draft
// can be deleted — after a question — with its rows and imports; changing a role, forcing a password reset and
// applying an import ask too.
import { expect, type Page, test } from '@playwright/test';
import { ADMIN } from './analysts';
import { expectNoSeriousAxeViolations, shot } from './page-checks';

test.use({ storageState: ADMIN.state });

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const rowOf = (page: Page, label: string) => page.getByRole('row', { name: new RegExp(escapeRegExp(label)) });

async function createDraft(page: Page, label: string) {
  // Enabled once the page has hydrated: what is typed before that could be lost.
  await expect(page.getByRole('button', { name: 'Create draft' })).toBeEnabled();
  await page.getByLabel('Label').fill(label);
  await page.getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByRole('status')).toHaveText(`Created draft '${label}'.`);
  await expect(page.getByRole('link', { name: label })).toBeVisible();
}

test('publish asks first: cancel changes nothing, confirm publishes and says so', async ({
  page,
}, testInfo) => {
  await page.goto('/admin');
  const currentLabel =
    (await page
      .getByRole('row', { name: /\(current\)/ })
      .getByRole('link')
      .textContent()) ?? '';
  const label = `E2E confirm ${Date.now()}`;
  await createDraft(page, label);

  const row = rowOf(page, label);
  await row.getByLabel('Note (what changed)').fill('Checked the confirmation');
  await row.getByRole('button', { name: 'Publish' }).click();
  const dialog = page.getByRole('dialog', { name: `Publish draft '${label}' as the current version?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Analysts will see it at once');
  // The safe choice has the focus, so a stray Enter does not publish.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await shot(page, testInfo, 'admin-confirm-publish');
  await expectNoSeriousAxeViolations(page);

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(rowOf(page, label)).toContainText('draft');
  await expect(rowOf(page, label)).not.toContainText('(current)');

  // Escape cancels too (after the reload, once hydrated).
  await expect(rowOf(page, label).getByRole('button', { name: 'Publish' })).toBeEnabled();
  await rowOf(page, label).getByLabel('Note (what changed)').fill('Checked the confirmation');
  await rowOf(page, label).getByRole('button', { name: 'Publish' }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(rowOf(page, label)).not.toContainText('(current)');

  await rowOf(page, label).getByRole('button', { name: 'Publish' }).click();
  await dialog.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('status')).toHaveText(`Published '${label}': it is the current version now.`);
  await expect(rowOf(page, `${label} (current)`)).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // Making the old version current again asks too, names both versions, and says it happened.
  await rowOf(page, currentLabel).getByRole('button', { name: 'Make current' }).click();
  const rollback = page.getByRole('dialog', { name: `Make '${currentLabel}' the current version again?` });
  await expect(rollback).toContainText(`instead of those of '${label}'`);
  await rollback.getByRole('button', { name: 'Make current' }).click();
  await expect(page.getByRole('status')).toHaveText(`'${currentLabel}' is the current version again.`);
  await expect(rowOf(page, `${currentLabel} (current)`)).toBeVisible();
});

test('a draft is deleted after a question, and the audit log names it', async ({ page }) => {
  await page.goto('/admin');
  const label = `E2E delete ${Date.now()}`;
  await createDraft(page, label);

  await rowOf(page, label).getByRole('button', { name: 'Delete draft' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete draft '${label}'?` });
  await expect(dialog).toContainText('This cannot be undone');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('link', { name: label })).toBeVisible();

  await rowOf(page, label).getByRole('button', { name: 'Delete draft' }).click();
  await dialog.getByRole('button', { name: 'Delete draft' }).click();
  await expect(page.getByRole('status')).toHaveText(`Deleted draft '${label}'.`);
  await expect(page.getByRole('link', { name: label })).toHaveCount(0);

  // The audit log names the draft by its label, the id beside it.
  await page.goto('/admin/audit?action=dataset.delete-draft');
  await expect(page.getByRole('row', { name: new RegExp(escapeRegExp(label)) }).first()).toContainText(
    'dataset.delete-draft',
  );
  await expectNoSeriousAxeViolations(page);
});

test('disabling a user asks first, naming them; cancel leaves them enabled', async ({ page }) => {
  await page.goto('/admin/users?search=alice-');
  const row = page.getByRole('row', { name: /alice-/ }).first();
  const email = (await row.getByRole('cell').first().textContent()) ?? '';
  await row.getByRole('button', { name: 'Disable' }).click();
  const dialog = page.getByRole('dialog', { name: `Disable ${email}?` });
  await expect(dialog).toContainText('Their sessions end at once');
  await expectNoSeriousAxeViolations(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(
    page.getByRole('row', { name: new RegExp(escapeRegExp(email)) }).getByRole('button', { name: 'Disable' }),
  ).toBeVisible();
});

test('making an admin and forcing a password reset ask first; cancel changes nothing', async ({ page }) => {
  await page.goto('/admin/users?search=alice-');
  const row = page.getByRole('row', { name: /alice-/ }).first();
  const email = (await row.getByRole('cell').first().textContent()) ?? '';

  await row.getByRole('button', { name: 'Make admin' }).click();
  const promote = page.getByRole('dialog', { name: `Make ${email} an admin?` });
  await expect(promote).toContainText('manage users');
  await promote.getByRole('button', { name: 'Cancel' }).click();
  await expect(promote).toBeHidden();

  await row.getByRole('button', { name: 'Force password reset' }).click();
  const reset = page.getByRole('dialog', { name: `Force ${email} to choose a new password?` });
  await expect(reset).toContainText('Their sessions end at once');
  await reset.getByRole('button', { name: 'Cancel' }).click();
  await expect(reset).toBeHidden();

  // Nothing happened: still a user after a reload.
  await page.reload();
  const again = page.getByRole('row', { name: new RegExp(escapeRegExp(email)) });
  await expect(again.getByRole('button', { name: 'Make admin' })).toBeVisible();
});
