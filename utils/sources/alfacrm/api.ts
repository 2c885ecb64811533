/** AlfaCRM's API on the engine's terms: where the key may go, the client, one page of a query. */
import type { SourceApi } from '../../engine/source';
import { credentialsRefused } from '../../settings/address';
import { AlfaApiClient } from './api-client';
import { customerPage, dictPage } from './api-schemas';
import { API_PAGE_SIZE } from './api-sync';
import { fetchLogPage, LOG_PASS } from './change-log-read';

export const alfacrmApi: SourceApi<AlfaApiClient> = {
  pageSize: API_PAGE_SIZE,
  // The API lives on the account's own origin: the key goes nowhere else, and not in the clear.
  origin: (account) => {
    const refused = credentialsRefused(account.origin);
    return refused ? { refused } : account.origin;
  },
  connect: (account, secret, tokens) => new AlfaApiClient({ origin: account.origin, email: account.login, apiKey: secret }, { tokenCache: tokens }),
  async check(client) {
    const res = await client.post('/v2api/branch/index', { page: 0 }, dictPage);
    return ['options.connected', res.total];
  },
  fetchPage(client, job, task, page) {
    if (task.name === LOG_PASS) return fetchLogPage(client, job, page);
    // A branchless query spans every branch: where a record went when it left this one.
    const { branchless, ...query } = task.query;
    if (branchless) return client.post('/v2api/customer/index', { ...query, page }, customerPage);
    return client.post(`/v2api/${job.partition}/customer/index`, { ...query, branch_ids: [Number(job.partition)], page }, customerPage);
  },
};
