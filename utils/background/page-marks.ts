/**
 * Which sources' storage marks (SourcePages.storageMark) a tab's document holds, read by the
 * browser in that very document: how the background recognises a CRM page its URL does not name
 * (LiveTex's cabinet on a loopback simulator), without taking the page's word for it. Only
 * origins the extension holds a host permission for can be read (elsewhere: no marks).
 */
import type { Sender } from '../messages/policy';
import { STORAGE_MARKS } from '../sources/pages';

/** Marks found, per document: a document asks many times (none found is asked again: a sign-in may add them). */
const known = new Map<string, string[]>();
const KEEP = 200;

/** Runs in the page's isolated world: which of `keys` its origin's localStorage holds. */
function heldKeys(keys: string[]): string[] {
  try {
    return keys.filter((k) => localStorage.getItem(k) !== null);
  } catch {
    return [];
  }
}

export async function storageMarksOf(s: Sender): Promise<string[]> {
  const tabId = s.tab?.id;
  if (tabId == null || STORAGE_MARKS.length === 0) return [];
  const key = s.documentId ?? `${tabId}|${s.frameId ?? 0}|${s.url}`;
  const cached = known.get(key);
  if (cached) return cached;
  // The document that asked (Chrome knows it by id), not whatever the frame holds by now.
  const target = s.documentId && !import.meta.env.FIREFOX ? { tabId, documentIds: [s.documentId] } : { tabId, frameIds: [s.frameId ?? 0] };
  let marks: string[] = [];
  try {
    const [res] = await browser.scripting.executeScript({ target, func: heldKeys, args: [STORAGE_MARKS] });
    marks = Array.isArray(res?.result) ? (res.result as unknown[]).filter((m): m is string => STORAGE_MARKS.includes(m as string)) : [];
  } catch {
    return []; // no permission there, or the document is gone: not a CRM page
  }
  if (marks.length === 0) return marks;
  if (known.size >= KEEP) known.delete(known.keys().next().value!);
  known.set(key, marks);
  return marks;
}
