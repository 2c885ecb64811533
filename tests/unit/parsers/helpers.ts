import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

/** jsdom stands in for the content script's native DOMParser. Scripts never run. */
export const parse = (html: string): Document => new JSDOM(html).window.document;

/** A real, sanitized capture (copied unmodified from ../shared/fixtures/alfacrm-real). */
export function real(name: string): string {
  return readFileSync(new URL(`../../fixtures/alfacrm-real/${name}`, import.meta.url), 'utf8');
}

/** A hand-made sample modelled on the real markup (see its README). */
export function handmade(name: string): string {
  return readFileSync(new URL(`../../fixtures/alfacrm-handmade/${name}`, import.meta.url), 'utf8');
}

export const BOARD_URL = 'https://demo.s20.online/company/1/lead/index';
export const GRID_URL = 'https://demo.s20.online/company/1/customer/index';

/** Runs `fn` and returns the CrmError code it threw (or 'no error'). */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code ?? `not a CrmError: ${String(e)}`;
  }
  return 'no error';
}
