/** Errors AlfaCRM's parts name in AlfaCRM's own words. */
import { CrmError } from '../../errors';

export function sessionExpired(detail?: string): CrmError {
  return new CrmError('session-expired', detail, undefined, 'AlfaCRM');
}
