import { methodDocument } from '@ree/domain';
import { marked } from 'marked';
import { streamedPage } from '@/components/page-loading';
import { getT, titled } from '@/i18n/server';
import { requireUser } from '@/lib/api-server';

export const generateMetadata = titled('title.method');

// Rendered on the server from the domain package's own text (METHOD.md is the same string), never from input.
// Each table scrolls sideways in its own focusable box, so a phone scrolls the table, not the page.
const html = marked
  .parse(methodDocument(), { async: false })
  .replaceAll('<table>', '<div class="ree-table-wrap" tabindex="0"><table>')
  .replaceAll('</table>', '</table></div>');

async function MethodPage() {
  await requireUser('/method');
  const { t } = await getT();
  return (
    <main id="main">
      <p className="hint">{t('method.title')}</p>
      <div className="method-doc" dangerouslySetInnerHTML={{ __html: html }} />
    </main>
  );
}

export default streamedPage(MethodPage);
