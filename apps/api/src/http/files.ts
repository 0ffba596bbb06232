// Admin routes that move files rather than JSON, so they live beside tRPC: POST /files/import receives an upload
// and queues its validation as a job (imports/jobs/*), answering 202 with the job's id at once; GET /files/export/<versionId> sends a version as the shipped CSV files (ZIP);
// GET /files/audit.csv sends the audit log, filtered like the audit page. One route is for every signed-in user:
// GET /files/published/<versionId>.zip, a published version in bulk (bulk-download.ts).

import type { IncomingMessage, ServerResponse } from 'node:http';
import { ENTITY_NAMES } from '@ree/domain';
import { z } from 'zod';
import type { Auth } from '../auth/auth.ts';
import { csvLine, spreadsheetSafe } from '../data/csv-write.ts';
import type { Db } from '../db/client.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { exportVersionZip } from '../imports/export-version.ts';
import { enqueueValidateJob } from '../imports/jobs/validate-job.ts';
import { formatBytes, UploadTooLargeError } from '../imports/upload-sink.ts';
import { AuditListInput, listAudit } from '../queries/audit.ts';
import { textProblemAt, textProblemMessage } from '../text-hygiene.ts';
import type { SessionUser } from '../trpc/context.ts';
import { PUBLISHED_ZIP_PATH, sendPublishedVersionZip } from './bulk-download.ts';
import { refuseForNow } from './load-shed.ts';
import { checkMutationRequest, clientIp } from './security.ts';
import { spoolUpload } from './spool.ts';

export interface FileRouteOptions {
  db: Db;
  auth: Auth;
  trustedOrigins: string[];
  maxImportBytes: number;
  /** See ApiServerOptions.spoolDir. */
  spoolDir: string;
  /** See ApiServerOptions.proxySecret. */
  proxySecret?: string;
  sessionUser: (req: IncomingMessage) => Promise<SessionUser | null>;
  /** One per API instance (createImportSlot): at most one upload is received at a time. */
  importSlot: ImportSlot;
  /** Told when a job is queued, so this instance's worker starts it without waiting for its next poll. */
  onJobQueued?: () => void;
}

export const IMPORT_BUSY_MESSAGE = 'Another import is running; try again in a moment.';

/**
 * The one upload an API instance receives at a time. Each is spooled to disk first (up to maxImportBytes), then
 * copied into the job's stored chunks, so one at a time bounds the spool to one file per instance; validation
 * itself runs later, one job at a time, on the worker (imports/jobs/worker.ts).
 */
export interface ImportSlot {
  /** Takes the slot: the function that gives it back, or null while another import holds it. */
  take(): (() => void) | null;
}

export function createImportSlot(): ImportSlot {
  let held = false;
  return {
    take() {
      if (held) return null;
      held = true;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        held = false;
      };
    },
  };
}

/** Sends a JSON answer; true, meaning the request was handled. */
function reply(res: ServerResponse, status: number, body: unknown): true {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
  return true;
}

const ImportQuery = z.strictObject({
  versionId: z.uuid(),
  name: z.string().trim().min(1).max(255),
  entity: z.enum(ENTITY_NAMES as [string, ...string[]]).optional(),
});

const AuditQuery = AuditListInput.omit({ page: true, pageSize: true }).extend({
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});

/** Handles /files/*; returns false for any other path. */
export async function handleFileRoute(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  options: FileRouteOptions,
): Promise<boolean> {
  if (!url.pathname.startsWith('/files/')) return false;
  res.setHeader('Cache-Control', 'no-store');
  const user = await options.sessionUser(req);
  if (!user) return reply(res, 401, { error: 'Sign in to continue.' });
  const published = PUBLISHED_ZIP_PATH.exec(url.pathname);
  if (published?.[1]) {
    // Analysts too: published data is theirs to take away. A forced reset still comes first.
    if (user.mustChangePassword) return reply(res, 403, { error: 'Choose a new password first.' });
    if (req.method !== 'GET') return reply(res, 405, { error: 'Use GET.' });
    try {
      await sendPublishedVersionZip(options.db, published[1], res);
    } catch (error) {
      if (error instanceof NotFoundError) return reply(res, 404, { error: error.message });
      throw error;
    }
    return true;
  }
  if (user.role !== 'admin' || user.mustChangePassword)
    return reply(res, 403, { error: 'Administrators only.' });
  const actor = { id: user.id, email: user.email, ip: clientIp(req, options.proxySecret) };
  const query = Object.fromEntries(url.searchParams);
  const bad = textProblemAt(query);
  if (bad) return reply(res, 400, { error: textProblemMessage(bad) });

  try {
    if (url.pathname === '/files/import') {
      if (req.method !== 'POST') return reply(res, 405, { error: 'Use POST.' });
      const refused = checkMutationRequest(req, options.trustedOrigins, 'application/octet-stream');
      if (refused) return reply(res, refused.status, { error: refused.message });
      // The limit is enforced before parsing: on the declared length first, then on every byte that arrives.
      if (Number(req.headers['content-length'] ?? 0) > options.maxImportBytes) {
        res.setHeader('Connection', 'close');
        return reply(res, 413, { error: new UploadTooLargeError(options.maxImportBytes).message });
      }
      const input = ImportQuery.safeParse(query);
      if (!input.success) {
        return reply(res, 400, {
          error: input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        });
      }
      // Refused before a byte of the body is spooled; the unread body ends the connection.
      const release = options.importSlot.take();
      if (!release) {
        res.setHeader('Connection', 'close');
        refuseForNow(res, 503, IMPORT_BUSY_MESSAGE);
        return true;
      }
      let queued: { jobId: string };
      try {
        const upload = await spoolUpload(req, options.maxImportBytes, options.spoolDir);
        // Removed before the answer, so no spool file outlives the request that made it: the job keeps its own
        // copy in the database, which every instance can read.
        try {
          queued = await enqueueValidateJob(
            options.db,
            {
              versionId: input.data.versionId,
              fileName: input.data.name,
              entity: input.data.entity as (typeof ENTITY_NAMES)[number] | undefined,
              actor,
            },
            upload.read(),
          );
        } finally {
          await upload.remove();
        }
      } finally {
        release();
      }
      options.onJobQueued?.();
      return reply(res, 202, queued);
    }

    if (req.method !== 'GET') return reply(res, 405, { error: 'Use GET.' });
    const exportMatch = /^\/files\/export\/([0-9a-f-]{36})$/.exec(url.pathname);
    if (exportMatch?.[1]) {
      const { fileName, zip } = await exportVersionZip(options.db, exportMatch[1]);
      res.statusCode = 200;
      res.setHeader('Content-Type', 'application/zip');
      res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
      res.end(zip);
      return true;
    }
    if (url.pathname === '/files/audit.csv') {
      const filters = AuditQuery.safeParse(query);
      if (!filters.success) return reply(res, 400, { error: 'Bad filter.' });
      res.statusCode = 200;
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment; filename="audit-log.csv"');
      res.write(csvLine(['at', 'actor', 'action', 'target', 'target_name', 'ip', 'before', 'after']));
      // Page through the log, so a long one streams out instead of being built in memory.
      for (let page = 1; ; page++) {
        const { items } = await listAudit(options.db, { ...filters.data, page, pageSize: 100 });
        for (const e of items) {
          const cells = [
            e.at.toISOString(),
            e.actorEmail ?? '',
            e.action,
            e.target ?? '',
            e.targetName?.label ?? '',
            e.ip ?? '',
            e.before === null ? '' : JSON.stringify(e.before),
            e.after === null ? '' : JSON.stringify(e.after),
          ];
          res.write(csvLine(cells.map(spreadsheetSafe)));
        }
        if (items.length < 100) break;
      }
      res.end();
      return true;
    }
    return reply(res, 404, { error: 'Not found' });
  } catch (error) {
    if (error instanceof UploadTooLargeError) {
      res.setHeader('Connection', 'close');
      return reply(res, 413, { error: `${error.message} (limit ${formatBytes(options.maxImportBytes)})` });
    }
    if (error instanceof NotFoundError) return reply(res, 404, { error: error.message });
    if (error instanceof ConflictError) return reply(res, 409, { error: error.message });
    throw error;
  }
}
