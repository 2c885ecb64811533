/**
 * The partner token: the extension's own half of Altegio's API authorisation (`Bearer <partner>,
 * User <user>`), issued to the extension's developer. Built in from WXT_ALTEGIO_PARTNER_TOKEN at
 * build time; a token entered in the options (SourcePages.appSecret) takes its place.
 */
import { secretsItem } from '../../settings/items';
import { PARTNER_SECRET } from './pages';

export const BUILT_IN_PARTNER_TOKEN: string = import.meta.env.WXT_ALTEGIO_PARTNER_TOKEN ?? '';

export async function partnerToken(): Promise<string> {
  return (await secretsItem.getValue())[PARTNER_SECRET]?.trim() || BUILT_IN_PARTNER_TOKEN;
}
