import { methodDocument } from '@ree/domain';
import { methodDocumentJa } from '@ree/domain/method-ja';
import { marked } from 'marked';
import { streamedPage } from '@/components/page-loading';
import { getT, titled } from '@/i18n/server';
import { requireUser } from '@/lib/api-server';

export const generateMetadata = titled('title.method');

// Rendered on the server from the domain package's own text (METHOD.md is the same string), never from input.
// Each table scrolls sideways in its own focusable box, so a phone scrolls the table, not the page.
const render = (markdown: string) =>
  marked
    .parse(markdown, { async: false })
    .replaceAll('<table>', '<div class="ree-table-wrap" tabindex="0"><table>')
    .replaceAll('</table>', '</table></div>');
// The Japanese text is the same method with the same numbers (the domain package tests that its tables agree).
const HTML = { en: render(methodDocument()), ja: render(methodDocumentJa()) } as const;

async function MethodPage() {
  await requireUser('/method');
  const { t, locale } = await getT();
  return (
    <main id="main">
      <p className="hint">{t('method.title')}</p>
      <div className="method-doc" dangerouslySetInnerHTML={{ __html: HTML[locale] }} />
    </main>
  );
}

export default streamedPage(MethodPage);
