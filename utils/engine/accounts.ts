/**
 * Configured accounts and their API clients. Credentials are used only for an account the user
 * saved, and go only to the API origin its source names for it. One client per account for the
 * whole worker: the rate limit is per account, so every run shares one paced queue and token.
 */
import { engineOf } from '../sources';
import { loadSettings, originOf, secretsItem, tokensItem } from '../settings/items';
import type { AccountConfig, SourceId, TokenCache } from './source';

const clients = new Map<string, { credentials: string; client: unknown }>();

/** The configured account a store account belongs to (same source, same web origin), or null. */
export async function configuredAccount(source: SourceId, account: string): Promise<AccountConfig | null> {
  const origin = originOf(account);
  const { accounts } = await loadSettings();
  return accounts.find((a) => a.source === source && a.origin === origin) ?? null;
}

function tokenCache(id: string): TokenCache {
  return {
    get: async () => (await tokensItem.getValue())[id] ?? null,
    set: async (token) => {
      const all = { ...(await tokensItem.getValue()) };
      if (token) all[id] = token;
      else delete all[id];
      await tokensItem.setValue(all);
    },
  };
}

/**
 * The API client of a store account, or null: a source without an API, or an account without
 * stored credentials whose source cannot use its pages' session either.
 */
export async function clientFor(source: SourceId, account: string): Promise<unknown | null> {
  const api = engineOf(source).api;
  const config = api ? await configuredAccount(source, account) : null;
  if (!api) return null;
  const secret = config ? (await secretsItem.getValue())[config.id] : undefined;
  if (!config || !secret || !config.login || typeof api.origin(config) !== 'string') return sessionClientFor(source, account);
  const credentials = `${config.origin}\n${config.login}\n${secret}`;
  const cached = clients.get(config.id);
  if (cached?.credentials === credentials) return cached.client;
  const client = api.connect(config, secret, tokenCache(config.id));
  clients.set(config.id, { credentials, client });
  return client;
}

/** A client on the session of the account's pages (no stored credentials), one per account. */
function sessionClientFor(source: SourceId, account: string): unknown | null {
  const api = engineOf(source).api;
  if (!api?.sessionClient) return null;
  const key = `session|${source}|${account}`;
  const cached = clients.get(key);
  if (cached) return cached.client;
  const client = api.sessionClient(account);
  if (client !== null) clients.set(key, { credentials: '', client });
  return client;
}

/** Forgets every client and token of an account (its credentials changed or were checked). */
export async function forgetAccount(id: string): Promise<void> {
  clients.delete(id);
  await tokenCache(id).set(null);
}
