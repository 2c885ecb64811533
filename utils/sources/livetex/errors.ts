/** Errors LiveTex's parts name in LiveTex's own words. */
import { CrmError } from '../../errors';

/** The cabinet's session is gone (signed out, expired, revoked): only signing in again helps. */
export function sessionExpired(detail?: string): CrmError {
  const e = new CrmError('session-expired', detail, undefined, 'LiveTex');
  // LiveTex's cabinet says «sign in» (contract §3), not «log in».
  e.sentence = 'error.sessionExpiredLivetex';
  return e;
}
