/** What the user reads of an error (its sentence in English, the detail after it), for the tests. */
import { toErrorInfo } from '@/utils/errors';
import { errorText } from '@/utils/i18n';

export const said = (e: unknown): string => errorText(toErrorInfo(e));

/** The words of the error `fn` throws (or its promise rejects with). */
export async function saidBy(fn: () => unknown): Promise<string> {
  try {
    await fn();
  } catch (e) {
    return said(e);
  }
  throw new Error('nothing was thrown');
}
