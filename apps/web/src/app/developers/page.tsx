import { CodeText } from '@/components/latin';
import { serverEnv } from '@/env';
import { getT, titled } from '@/i18n/server';
import { fetchFromApi } from '@/lib/api-server';
import { exampleCurl, OpenApiDocument, responseFields, typeLabel } from './openapi-reference';

export const generateMetadata = titled('title.developers');
export const dynamic = 'force-dynamic';

const PROBLEMS = [
  ['invalid-parameters', '400', 'dev.problem.400'],
  ['unauthorized', '401', 'dev.problem.401'],
  ['forbidden', '403', 'dev.problem.403'],
  ['not-found', '404', 'dev.problem.404'],
  ['method-not-allowed', '405', 'dev.problem.405'],
  ['too-many-requests', '429', 'dev.problem.429'],
  ['internal-error', '500', 'dev.problem.500'],
  ['unavailable', '503', 'dev.problem.503'],
] as const;

/**
 * The API reference, rendered on the server from the API's own OpenAPI document: public like the document (it
 * holds no data), no script of its own, nothing fetched by the browser.
 */
export default async function DevelopersPage() {
  const { t } = await getT();
  const response = await fetchFromApi(new URL('/api/v1/openapi.json', serverEnv.API_URL));
  const document = OpenApiDocument.parse(await response.json());
  const origin = serverEnv.PUBLIC_ORIGIN;
  const endpoints = Object.entries(document.paths).filter(([, item]) => item.get.operationId !== 'openapi');
  return (
    <main id="main" className="method-doc">
      <h1>{t('dev.title')}</h1>
      {/* The OpenAPI document's own prose is English (it is the API's reference); marked as such. */}
      <p lang="en">{document.info.description}</p>
      <p>
        {t('dev.document')} <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (
        <span translate="no">OpenAPI {document.openapi}</span>)
      </p>

      <h2 id="auth">{t('dev.auth')}</h2>
      <p>
        <CodeText text={t('dev.authText')} />
      </p>
      <pre>
        <code>{`curl -H "Authorization: Bearer $REE_TOKEN" '${origin}/api/v1/versions'`}</code>
      </pre>

      <h2 id="conventions">{t('dev.conventions')}</h2>
      <ul>
        {(['dev.conv.asOf', 'dev.conv.paging', 'dev.conv.etag', 'dev.conv.errors'] as const).map((key) => (
          <li key={key}>
            <CodeText text={t(key)} />
          </li>
        ))}
      </ul>

      <h2 id="endpoints">{t('dev.endpoints')}</h2>
      <ul>
        {endpoints.map(([path, item]) => (
          <li key={path}>
            <a href={`#${item.get.operationId}`}>
              <code>GET {path}</code>
            </a>{' '}
            — <span lang="en">{item.get.summary}</span>
          </li>
        ))}
      </ul>
      {endpoints.map(([path, { get }]) => (
        <section key={path} aria-labelledby={get.operationId}>
          <h3 id={get.operationId}>
            <code>GET {path}</code>
          </h3>
          <p lang="en">
            <strong>{get.summary}.</strong> {get.description}
          </p>
          <h4>{t('dev.parameters')}</h4>
          {get.parameters.length === 0 ? (
            <p>{t('dev.noParameters')}</p>
          ) : (
            <div className="ree-table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('dev.col.name')}</th>
                    <th scope="col">{t('dev.col.type')}</th>
                    <th scope="col">{t('dev.col.default')}</th>
                    <th scope="col">{t('dev.col.meaning')}</th>
                  </tr>
                </thead>
                <tbody>
                  {get.parameters.map((p) => (
                    <tr key={p.name}>
                      <td>
                        <code>{p.name}</code>
                        {p.required ? ` (${t('dev.required')})` : ''}
                      </td>
                      <td>
                        <code>{typeLabel(p.schema)}</code>
                      </td>
                      <td>
                        {p.schema.default === undefined ? (
                          ''
                        ) : (
                          <code>
                            {Array.isArray(p.schema.default)
                              ? JSON.stringify(p.schema.default)
                              : String(p.schema.default)}
                          </code>
                        )}
                      </td>
                      <td lang="en">{p.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h4>{t('dev.response')}</h4>
          <ul>
            {responseFields(get).map((f) => (
              <li key={f.name}>
                <code>{f.name}</code>: <code>{f.type}</code>
              </li>
            ))}
          </ul>
          <h4>{t('dev.example')}</h4>
          <pre>
            <code>{exampleCurl(origin, path, get)}</code>
          </pre>
        </section>
      ))}

      <h2 id="errors">{t('dev.errors')}</h2>
      <p>
        <CodeText text={t('dev.errorsText')} />
      </p>
      <dl>
        {PROBLEMS.map(([slug, status, key]) => (
          <div key={slug} id={slug}>
            <dt>
              <code>{status}</code> <code>/developers#{slug}</code>
            </dt>
            <dd>
              <CodeText text={t(key)} />
            </dd>
          </div>
        ))}
      </dl>
    </main>
  );
}
