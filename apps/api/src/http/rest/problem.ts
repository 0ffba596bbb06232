// Errors of the REST API as RFC 9457 problem documents: a type (an anchor on the reference page), a title, the
// status, a detail a person can act on, and for bad parameters which field and why.
import type { ServerResponse } from 'node:http';
import { z } from 'zod';

export const FieldError = z.object({ name: z.string(), reason: z.string() });

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  errors: z.array(FieldError).optional(),
});
export type Problem = z.infer<typeof Problem>;

const TITLES: Record<number, [string, string]> = {
  400: ['invalid-parameters', 'Invalid parameters'],
  401: ['unauthorized', 'Authentication required'],
  403: ['forbidden', 'Forbidden'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  429: ['too-many-requests', 'Too many requests'],
  500: ['internal-error', 'Internal error'],
  503: ['unavailable', 'Service unavailable'],
};

/** The problem document for a status; its type points at the reference page's section on that status. */
export function problem(status: number, detail: string, errors?: z.infer<typeof FieldError>[]): Problem {
  const [slug, title] = TITLES[status] ?? ['error', 'Error'];
  return { type: `/developers#${slug}`, title, status, detail, ...(errors ? { errors } : {}) };
}

export function sendProblem(res: ServerResponse, p: Problem, headers: Record<string, string> = {}): void {
  res.statusCode = p.status;
  res.setHeader('Content-Type', 'application/problem+json');
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(JSON.stringify(p));
}

/** zod's issues as field errors: the parameter's name (top-level key) and zod's message. */
export function fieldErrors(error: z.ZodError): z.infer<typeof FieldError>[] {
  return error.issues.map((issue) => ({
    name:
      issue.code === 'unrecognized_keys'
        ? issue.keys.join(', ')
        : issue.path.map(String).join('.') || '(query)',
    reason: issue.code === 'unrecognized_keys' ? 'unknown parameter' : issue.message,
  }));
}
