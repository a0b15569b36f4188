import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Locale } from './locale';

type ZodIssue = z.core.$ZodIssue;
const localeErrors: Record<Locale, () => { localeError: (issue: never) => string | undefined | { message: string } }> = {
  ar: z.locales.ar as never,
  fr: z.locales.fr as never,
  en: z.locales.en as never,
};

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Turns the schema's validation issues into messages in the caller's language, with zod's own
 * Arabic, French and English catalogs. The input is put back on each issue (zod leaves it out of
 * issues by default) so "expected a number, received a string" names what was actually sent.
 */
export function describeIssues(
  req: FastifyRequest,
  context: string | undefined,
  validation: ReadonlyArray<{ keyword: string; params?: unknown; instancePath: string; message?: string }>,
  locale: Locale,
): Array<{ path: string; message: string }> {
  const source = context === 'body' ? req.body : context === 'querystring' ? req.query : context === 'params' ? req.params : context === 'headers' ? req.headers : undefined;
  const render = localeErrors[locale]().localeError;
  return validation.map((v) => {
    // The type provider passes each zod issue on as { keyword: code, instancePath: /path, params: rest }.
    const issuePath = v.instancePath.split('/').filter(Boolean);
    const issue = { ...(v.params as object), code: v.keyword, path: issuePath } as ZodIssue;
    // A message the schema wrote itself (a custom check, a pattern with an example) says more than the generic one.
    const isAuthored = v.keyword === 'custom' || (v.keyword === 'invalid_format' && 'pattern' in issue && !!v.message && !v.message.startsWith('Invalid'));
    const rendered = isAuthored ? undefined : render({ ...issue, input: valueAt(source, issuePath) } as never);
    const text = typeof rendered === 'string' ? rendered : rendered?.message;
    return { path: [context, ...issuePath].filter(Boolean).join('.'), message: text || v.message || '' };
  });
}
