// Module resolution hooks (node:module register): each resolved URL is appended to $REVUE_IMPORT_LOG.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  const log = process.env.REVUE_IMPORT_LOG;
  if (log !== undefined) appendFileSync(log, `${result.url}\n`);
  return result;
}
