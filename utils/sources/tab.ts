/** Every source's part of the CRM tab: readers and buttons. */
import type { SourceId, SourceTab } from '../engine/source';
import { alfacrmTab } from './alfacrm/tab';
import { altegioTab } from './altegio/tab';
import { livetexTab } from './livetex/tab';

export const SOURCE_TABS: SourceTab[] = [alfacrmTab, altegioTab, livetexTab];

export function tabPartOf(id: SourceId): SourceTab | undefined {
  return SOURCE_TABS.find((s) => s.pages.id === id);
}
