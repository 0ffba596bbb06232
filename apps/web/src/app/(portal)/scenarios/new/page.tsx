import { CHAIN_STAGES, SCENARIO_MATERIALS } from '@ree/domain';
import { z } from 'zod';
import { ApiError } from '@/components/api-error';
import { DataText } from '@/components/latin';
import { streamedPage } from '@/components/page-loading';
import { LazyScenarioEditor } from '@/components/scenario/lazy-editor';
import { getT, titled } from '@/i18n/server';
import { translateValue } from '@/i18n/translate';
import { requireUser, serverApi } from '@/lib/api-server';
import { viewedAsOf } from '@/lib/as-of-server';
import { attempt, foundOrThrow } from '@/lib/attempt';
import { editorContext } from '../editor-props';

export const generateMetadata = titled('title.newScenario');

const Params = z.object({
  consumer: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .catch('JPN'),
  material: z.enum(SCENARIO_MATERIALS).catch('NdPr'),
  stage: z.enum(CHAIN_STAGES).catch('separation'),
  /** One of the user's company mixes (`/companies/<id>`): the baseline starts from its suppliers. */
  company: z.uuid().optional().catch(undefined),
});

async function NewScenarioPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser('/scenarios/new');
  const params = Params.parse(await searchParams);
  const { t } = await getT();
  const [api, asOf] = await Promise.all([serverApi(), viewedAsOf()]);
  const [baseline, context, company] = await Promise.all([
    attempt(api.scenarios.baseline.query({ ...params, asOf })),
    editorContext(),
    params.company ? attempt(api.companies.get.query({ id: params.company })) : null,
  ]);
  // Another user's company mix (or none) is a 404, as on its own page.
  const consumer = company ? foundOrThrow(company).name : params.consumer;
  return (
    <main id="main">
      <h1>
        {t('scenario.new')}: {company ? <DataText>{consumer}</DataText> : consumer} · {params.material} ·{' '}
        {translateValue(t, 'stage', params.stage)}
      </h1>
      {baseline.ok ? (
        <>
          <ul className="hint" data-testid="scenario-assumptions">
            {baseline.data.assumptions.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
          <LazyScenarioEditor
            id={null}
            name={`${consumer} ${params.material} ${params.stage}`}
            notes=""
            input={baseline.data.input}
            readOnly={false}
            shared={false}
            provenance={{
              datasetVersion: baseline.data.datasetVersion,
              year: baseline.data.year,
              sources: baseline.data.sources,
            }}
            newerVersion={null}
            indexUnits={baseline.data.unit === 'index'}
            {...context}
          />
        </>
      ) : (
        <p role="status">
          <ApiError failure={baseline} t={t} />
        </p>
      )}
    </main>
  );
}

export default streamedPage(NewScenarioPage);
