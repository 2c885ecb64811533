/**
 * Altegio's API on the engine's terms: the API origin credentials may go to, the client, one page
 * of the id pass or of the bulk list (its traps checked), and the password kept as a user token.
 */
import type { ApiTask, Job } from '../../engine/run';
import type { AccountConfig, SourceApi } from '../../engine/source';
import { CrmError } from '../../errors';
import { AltegioApiClient, exchangePassword } from './api-client';
import { changedSince } from './changes';
import { altegioError } from './errors';
import { apiOriginOf } from './origins';
import { locationOf } from './pages';
import type { PageAnswer } from './pager';
import { partnerToken } from './partner';
import { PASSES } from './plan';
import { PAGE_SIZE } from './web-reads';

function endpoint(account: Pick<AccountConfig, 'origin'>) {
  const apiOrigin = apiOriginOf(account.origin);
  if (!apiOrigin) throw new CrmError('api-not-configured', `no Altegio API for ${account.origin}`);
  return { apiOrigin, webOrigin: account.origin };
}

function cidOf(job: Job): number {
  const cid = locationOf(job.account);
  if (cid === null) throw new CrmError('not-a-crm-page', `${job.account} is not an Altegio location`);
  return cid;
}

/**
 * Rows [page × 200, page × 200 + 200) of the bulk list. When the CRM serves fewer rows a page than
 * asked (contract §3), the window is read in pages of the size it serves.
 */
async function listWindow(client: AltegioApiClient, cid: number, page: number, since?: string): Promise<PageAnswer> {
  const start = page * PAGE_SIZE;
  const size = client.listSize;
  const rows: PageAnswer['rows'] = [];
  let total = 0;
  for (let p = Math.floor(start / size) + 1; (p - 1) * size < start + PAGE_SIZE; p++) {
    const ans = await client.listPage(cid, p, size, since);
    total = ans.total;
    if (ans.rows.length < size && (p - 1) * size + ans.rows.length < ans.total) {
      if (ans.rows.length === 0 || size !== PAGE_SIZE) throw new CrmError('incomplete-read', `client list: page ${p} short at ${ans.total}`);
      client.listSize = ans.rows.length;
      return listWindow(client, cid, page, since);
    }
    const from = Math.max(start - (p - 1) * size, 0);
    rows.push(...ans.rows.slice(from, from + PAGE_SIZE - rows.length));
    if (ans.rows.length < size) break;
  }
  return { rows, total };
}

async function fetchPage(client: AltegioApiClient, job: Job, task: ApiTask, page: number): Promise<{ items: { id: number }[]; total: number }> {
  const cid = cidOf(job);
  if (task.name === PASSES.ids) {
    const ans = await client.searchPage(cid, page + 1, PAGE_SIZE);
    return { items: ans.rows, total: ans.total };
  }
  const since = typeof task.query.since === 'string' ? task.query.since : undefined;
  const ans = await listWindow(client, cid, page, since);
  if (since && ans.rows.length) {
    const ok = ans.rows.filter((r) => changedSince(r, since)).length;
    // The fallback trap: a filter that matched nobody answers with the whole base.
    if (ok === 0 && page === 0) return { items: [], total: 0 };
    if (ok < ans.rows.length) throw altegioError('malformed-response', `client list: rows outside changed_after on page ${page + 1}`);
  }
  return { items: ans.rows, total: ans.total };
}

export const altegioApi: SourceApi<AltegioApiClient> = {
  pageSize: PAGE_SIZE,
  origin(account) {
    return apiOriginOf(account.origin) ?? { refused: 'options.noApiHere' };
  },
  // The kept secret is the user token (keep() below): the password is not stored.
  connect: (account, secret) => new AltegioApiClient(endpoint(account), secret, partnerToken),
  async check() {
    return ['options.connectedToken'];
  },
  fetchPage,
  async keep(account, password) {
    const partner = await partnerToken();
    if (!partner) throw new CrmError('api-not-configured', 'no Altegio partner token: set it in the options');
    return exchangePassword(endpoint(account), partner, account.login, password);
  },
};
