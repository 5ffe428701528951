/** Reads statements back from the test LRS, following `more` links. */
import { basicAuth } from '../../lib/sync/lrs-endpoint';
import type { XapiStatement } from '../../lib/export/xapi/statement';

const headers = {
  'X-Experience-API-Version': '1.0.3',
  Authorization: basicAuth({ key: 'reader', secret: 'reader' }),
};

/** Every (non-voided) statement matching `query`, e.g. `{ agent: JSON.stringify(actor) }`. */
export async function queryStatements(
  endpoint: string,
  query: Record<string, string>,
): Promise<XapiStatement[]> {
  const origin = new URL(endpoint).origin;
  let url: string | undefined =
    `${endpoint}/statements?${new URLSearchParams({ limit: '500', ...query })}`;
  const out: XapiStatement[] = [];
  while (url) {
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as { statements: XapiStatement[]; more?: string };
    out.push(...page.statements);
    url = page.more ? new URL(page.more, origin).href : undefined;
  }
  return out;
}

/** One statement by id (`voided` reads a voided one), or undefined. */
export async function fetchStatement(
  endpoint: string,
  id: string,
  voided = false,
): Promise<XapiStatement | undefined> {
  const param = voided ? 'voidedStatementId' : 'statementId';
  const response = await fetch(`${endpoint}/statements?${param}=${id}`, { headers });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`GET statement ${id}: ${response.status}`);
  return (await response.json()) as XapiStatement;
}
