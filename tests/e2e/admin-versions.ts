// What journeys that need a second published version share: as the admin, publish a revision of the current
// version with a file of changed rows, and afterwards make the version that was current current again, so the
// journeys after them see the data as it was.
import { expect, type Page } from '@playwright/test';

/** `text` as a regular expression that matches it literally. */
export const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A draft copied from the current version, `csv` (production.csv rows) imported into it, published with `note`.
 * Returns the label of the version that was current before.
 */
export async function publishRevision(
  admin: Page,
  revision: { label: string; csv: string; note: string },
): Promise<string> {
  await admin.goto('/admin');
  const original =
    (await admin
      .getByRole('row', { name: /\(current\)/ })
      .getByRole('link')
      .textContent()) ?? '';
  await expect(admin.getByRole('button', { name: 'Create draft' })).toBeEnabled();
  await admin.getByLabel('Label').fill(revision.label);
  await admin.getByRole('button', { name: 'Create draft' }).click();
  await admin.getByRole('link', { name: revision.label }).click();
  await expect(admin.getByRole('heading', { name: `Version ${revision.label}` })).toBeVisible();
  // The page's buttons are enabled once it has hydrated: a file chosen earlier would be lost.
  await expect(admin.getByRole('button', { name: 'Publish' })).toBeEnabled();
  await admin
    .getByLabel('File', { exact: true })
    .setInputFiles({ name: 'production.csv', mimeType: 'text/csv', buffer: Buffer.from(revision.csv) });
  await admin.getByRole('button', { name: 'Upload and validate' }).click();
  await expect(admin.getByTestId('accepted')).toHaveText('1');
  await admin.getByRole('button', { name: 'Apply the 1 valid rows' }).click();
  await admin.getByRole('dialog').getByRole('button', { name: 'Apply' }).click();
  await expect(admin.getByText(/^Applied /)).toBeVisible();
  await admin.getByRole('link', { name: 'Back to the version' }).click();
  await expect(admin.getByRole('button', { name: 'Publish' })).toBeEnabled();
  await admin.getByLabel('Note (what changed)').fill(revision.note);
  await admin.getByRole('button', { name: 'Publish' }).click();
  await admin.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
  await expect(admin.getByText(revision.note)).toBeVisible();
  return original;
}

/** Makes the published version labelled `label` current again, confirming the dialog. */
export async function makeCurrentAgain(admin: Page, label: string) {
  await admin.goto('/admin');
  await admin
    .getByRole('row', { name: new RegExp(literal(label)) })
    .getByRole('button', { name: 'Make current' })
    .click();
  await admin.getByRole('dialog').getByRole('button', { name: 'Make current' }).click();
  await expect(admin.getByRole('row', { name: new RegExp(`${literal(label)} \\(current\\)`) })).toBeVisible();
}
