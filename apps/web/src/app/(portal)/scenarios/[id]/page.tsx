import { PrintButton } from '@ree/ui/print-button';
import { PrintNote } from '@/components/print-note';
import { LazyScenarioEditor } from '@/components/scenario/lazy-editor';
import { getT, titled } from '@/i18n/server';
import { requireUser, serverApi } from '@/lib/api-server';
import { attempt, foundOrThrow } from '@/lib/attempt';
import { editorContext } from '../editor-props';

export const generateMetadata = titled('title.scenario');

export default async function ScenarioPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireUser(`/scenarios/${id}`);
  const api = await serverApi();
  const { t, locale } = await getT();
  const [scenario, context] = await Promise.all([attempt(api.scenarios.get.query({ id })), editorContext()]);
  // No Suspense boundary above this page, so an unknown (or another user's unshared) scenario is a real 404; the
  // editor shows its own loading state in the browser.
  const s = foundOrThrow(scenario);
  // Read by the API in today's schema (older saved scenarios migrated), so it is the editor's input as it is.
  const { input } = s;
  return (
    <main id="main">
      <h1>{s.name}</h1>
      <PrintNote path={`/scenarios/${s.id}`} datasetVersion={s.datasetVersion.label} locale={locale} t={t} />
      <p className="controls">
        <PrintButton label={t('print.button')} />
      </p>
      <LazyScenarioEditor
        id={s.readOnly ? null : s.id}
        name={s.name}
        notes={s.notes ?? ''}
        input={input}
        readOnly={s.readOnly}
        shared={s.shared}
        provenance={{ datasetVersion: s.datasetVersion, year: s.year, sources: s.sources }}
        newerVersion={s.newerDatasetVersion}
        indexUnits={!input.baseline.suppliers.some((x) => x.supplyPerYear > 1000)}
        {...context}
      />
    </main>
  );
}
