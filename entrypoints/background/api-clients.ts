/**
 * One API client per account for the whole worker: the rate limit is per account, so the sync
 * and an export share one paced queue (and one token) instead of each pacing on its own.
 */
import { AlfaApiClient } from '@/utils/alfacrm/api-client';
import { apiKeyItem, apiTokenItem, loadSettings, originOf } from '@/utils/settings';

const clients = new Map<string, { credentials: string; client: AlfaApiClient }>();

/** The client for `origin` when the options hold credentials for that account, else why not. */
export async function clientFor(origin: string): Promise<AlfaApiClient | string> {
  const settings = await loadSettings();
  const apiKey = await apiKeyItem.getValue();
  if (!settings.apiEmail || !apiKey) return 'no API key in the options: the file holds what the CRM page shows';
  const configured = settings.crmUrl ? originOf(settings.crmUrl) : origin;
  if (configured !== origin) return `the API key in the options is for ${configured}, not ${origin}`;
  const credentials = `${settings.apiEmail}\n${apiKey}`;
  const cached = clients.get(origin);
  if (cached?.credentials === credentials) return cached.client;
  const client = new AlfaApiClient(
    { origin, email: settings.apiEmail, apiKey },
    {
      tokenCache: {
        get: async () => {
          const t = await apiTokenItem.getValue();
          return t?.origin === origin ? t.token : null;
        },
        set: (token) => apiTokenItem.setValue(token ? { origin, token } : null),
      },
    },
  );
  clients.set(origin, { credentials, client });
  return client;
}
