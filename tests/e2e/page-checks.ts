// What several journeys share: full-page screenshots kept in tests/screenshots, the axe check, the CSP watch.
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

/** Saves a full-page screenshot to tests/screenshots/<name>.png and attaches it to the report. */
export async function shot(page: Page, testInfo: TestInfo, name: string) {
  // A page's path may carry a query ("?q=…"): kept out of the file name, where it would end the URL's path.
  const file = name.replace(/[^\w.-]+/g, '_');
  const path = fileURLToPath(new URL(`../screenshots/${file}.png`, import.meta.url));
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

/** Collects every CSP violation the page reports, from the DOM event and from the console. */
export async function watchCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const exposed = window as Window & { reportCspViolation?: (text: string) => void };
      exposed.reportCspViolation?.(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} on ${location.pathname}`,
      );
    });
  });
  return violations;
}
