// What several journeys share: full-page screenshots kept in tests/screenshots, and the axe check.
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

/** Saves a full-page screenshot to tests/screenshots/<name>.png and attaches it to the report. */
export async function shot(page: Page, testInfo: TestInfo, name: string) {
  const path = fileURLToPath(new URL(`../screenshots/${name}.png`, import.meta.url));
  await testInfo.attach(name, {
    body: await page.screenshot({ fullPage: true, path }),
    contentType: 'image/png',
  });
}

export async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
}
