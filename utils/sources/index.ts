/** Every source the engine serves (the background's registry). */
import type { SourceEngine, SourceId } from '../engine/source';
import { alfacrm } from './alfacrm';
import { altegio } from './altegio';
import { livetex } from './livetex';

export const SOURCES: SourceEngine[] = [alfacrm as SourceEngine, altegio as SourceEngine, livetex as SourceEngine];

export function engineOf(id: SourceId): SourceEngine {
  const src = SOURCES.find((s) => s.id === id);
  if (!src) throw new Error(`no source ${id}`);
  return src;
}

export { pageOf, CRM_MATCHES } from './pages';
