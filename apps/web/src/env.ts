// The web server's configuration, validated once. Nothing else in apps/web reads process.env.
import { z } from 'zod';

const ServerEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Where the API server listens; only the web server talks to it directly. */
  API_URL: z.string().url().default('http://127.0.0.1:4000'),
  /** The origin browsers use for this portal. */
  PUBLIC_ORIGIN: z.string().url().default('http://localhost:3000'),
});

export const serverEnv = ServerEnv.parse(process.env);
