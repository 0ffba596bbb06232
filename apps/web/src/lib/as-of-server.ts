// The dataset version a portal request is about, read once per request: the `asOf` of its URL (through the headers
// src/proxy.ts sets, so layouts and deep components need no search parameters) checked against the published
// versions the API lists.
import 'server-only';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { serverApi } from './api-server';
import { AS_OF_PARAM, type AsOfRequest, parseAsOf } from './as-of';
import { requestPathFrom, requestQueryFrom } from './request-path';

type Api = Awaited<ReturnType<typeof serverApi>>;
export type PublishedVersion = Awaited<ReturnType<Api['reference']['versions']['query']>>[number];

/** What the URL asks for (not yet checked against the published versions). */
export const requestedAsOf = cache(async (): Promise<AsOfRequest> => {
  return parseAsOf(requestQueryFrom(await headers()).getAll(AS_OF_PARAM));
});

/**
 * The version id the URL asks for, unchecked, for links and forms that carry it on (the header's too, which is
 * rendered on every page, signed in or not); undefined for the current version or one that cannot be an id.
 */
export async function linkedAsOf(): Promise<string | undefined> {
  const request = await requestedAsOf();
  return request.kind === 'version' ? request.id : undefined;
}

/**
 * The version id to pass as `asOf` to the API, or undefined for the current version. One that names no published
 * version is a 404 here as in the portal layout (which renders alongside the page), so no page ever asks the API
 * with it, nor quietly shows the current version instead.
 */
export async function viewedAsOf(): Promise<string | undefined> {
  const request = await requestedAsOf();
  if (request.kind === 'current') return undefined;
  if ((await versionView()).problem !== null) notFound();
  return request.kind === 'version' ? request.id : undefined;
}

export interface VersionView {
  /** Published versions, newest first. */
  versions: PublishedVersion[];
  current: PublishedVersion | undefined;
  /** The version shown: the one asked for, or the current one. Undefined when the one asked for is not published. */
  shown: PublishedVersion | undefined;
  /** The `asOf` the URL gave when it names no published version (malformed, unknown or a draft); else null. */
  problem: string | null;
  /** The page's path and its query without `asOf`, for the picker's form and "go to current". */
  path: string;
  query: URLSearchParams;
}

/** The published versions and which one the request shows, for the picker, the banner and the 404 page. */
export const versionView = cache(async (): Promise<VersionView> => {
  const [request, versions, requestHeaders] = await Promise.all([
    requestedAsOf(),
    (await serverApi()).reference.versions.query(),
    headers(),
  ]);
  const current = versions.find((v) => v.isCurrent);
  const shown = request.kind === 'version' ? versions.find((v) => v.id === request.id) : current;
  const problem =
    request.kind === 'invalid' ? request.given : request.kind === 'version' && !shown ? request.id : null;
  const query = requestQueryFrom(requestHeaders);
  query.delete(AS_OF_PARAM);
  return { versions, current, shown, problem, path: requestPathFrom(requestHeaders, '/dashboard'), query };
});
