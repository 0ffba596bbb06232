// GET /files/published/<versionId>.zip: a published version in bulk for any signed-in user (see
// downloads/bulk-zip.ts). The handler takes the version id, not the path, so the read API can mount it too
// (e.g. /api/v1/versions/{id}/bulk.zip) after its own authentication.
import type { ServerResponse } from 'node:http';
import type { Db } from '../db/client.ts';
import { bulkFileName, publishedVersion, writeBulkZip } from '../downloads/bulk-zip.ts';

export const PUBLISHED_ZIP_PATH = /^\/files\/published\/([0-9a-f-]{36})\.zip$/;

/**
 * Streams the ZIP of a published version; NotFoundError (before any byte is sent) for a draft or an unknown id.
 * The caller has checked who is asking.
 */
export async function sendPublishedVersionZip(db: Db, versionId: string, res: ServerResponse): Promise<void> {
  const version = await publishedVersion(db, versionId);
  res.statusCode = 200;
  res.setHeader('Content-Type', 'application/zip');
  res.setHeader('Content-Disposition', `attachment; filename="${bulkFileName(version)}"`);
  try {
    await writeBulkZip(db, version, res);
  } catch (error) {
    // Past the headers a status can no longer say it: break the connection, so no truncated ZIP looks whole.
    res.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}
