// The web server's configuration, validated once. Nothing else in apps/web reads process.env.
import { z } from 'zod';

const milliseconds = z.coerce.number().int().positive();

const ServerEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Where the API server listens; only the web server talks to it directly. */
  API_URL: z.string().url().default('http://127.0.0.1:4000'),
  /** The origin browsers use for this portal. */
  PUBLIC_ORIGIN: z.string().url().default('http://localhost:3000'),
  /** How long a call to the API may stay silent before the browser gets 504 (uploads and applies: the next). */
  API_TIMEOUT_MS: milliseconds.default(30_000),
  /** The same for calls known to take minutes: dataset uploads and applying an import. */
  API_LONG_TIMEOUT_MS: milliseconds.default(15 * 60_000),
  /**
   * Requests the web server works on at once; past it, 503 with Retry-After at once instead of a queue. 12 on two
   * cores (`pnpm bench:load`, 200 connections): at 64 admitted pages waited on the API until it shed them, so 503s
   * took up to 12.6 s; at 12 they come within 0.3 s (p99) for as many pages served.
   */
  WEB_MAX_CONCURRENT: z.coerce.number().int().positive().default(12),
  /** Mean event-loop lag (ms) past which new requests get 503 at once, until renders let the loop catch up. */
  WEB_MAX_EVENT_LOOP_LAG_MS: milliseconds.default(200),
  /** Quiet time (no request in flight) after load before one full GC gives the memory back (src/lib/idle-gc.ts). */
  WEB_IDLE_GC_MS: milliseconds.default(2_000),
  /**
   * Shared with the API, which believes our X-Forwarded-For only with it. Unset → read from
   * REE_DATA_DIR/proxy-secret, which the API writes (mode 0600) when it starts on this machine.
   */
  PROXY_SECRET: z.string().min(32).optional(),
  /** The API's data directory (default: .data at the repository root), for the proxy secret. */
  REE_DATA_DIR: z.string().optional(),
});

export const serverEnv = ServerEnv.parse(process.env);
