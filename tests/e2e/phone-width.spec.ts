// Issue 14, phone: no page scrolls sideways at 390 px, in English or Japanese. Wide tables scroll inside their own
// box (.ree-table-wrap); the page itself never does. A failure names the elements that stick out.
import { expect, type Page, test } from '@playwright/test';
import { ADMIN } from './analysts';
import { PORTAL_PAGES } from './routes';

test.use({ storageState: ADMIN.state, viewport: { width: 390, height: 844 } });

const PAGES = [...PORTAL_PAGES, '/developers', '/admin', '/admin/users', '/admin/audit', '/account/password'];

/** How far the page scrolls sideways, and the outermost elements whose right edge passes the viewport. */
function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.right <= width + 1 || box.width === 0) continue;
      // Inside a box that scrolls or clips sideways, sticking out is that box's business.
      let contained = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const overflowX = getComputedStyle(p).overflowX;
        if (overflowX !== 'visible') contained = true;
      }
      if (contained) continue;
      if (el.parentElement && el.parentElement.getBoundingClientRect().right > width + 1) continue;
      culprits.push(
        `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}`,
      );
    }
    return { by: document.documentElement.scrollWidth - width, culprits: culprits.slice(0, 5) };
  });
}

for (const locale of ['en', 'ja'] as const) {
  test(`no page scrolls sideways at 390 px (${locale})`, async ({ page, baseURL }) => {
    await page.context().addCookies([{ name: 'ree-locale', value: locale, url: baseURL ?? '' }]);
    const found: string[] = [];
    for (const path of PAGES) {
      await page.goto(path);
      await expect(page.locator('main').first()).toBeVisible();
      const overflow = await sidewaysOverflow(page);
      if (overflow.by > 1) found.push(`${path}: ${overflow.by}px (${overflow.culprits.join(', ')})`);
    }
    expect(found).toEqual([]);
  });
}
