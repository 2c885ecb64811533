/** A small hand-made branch whose every number is worked out in the tests' comments. */
import type { InsightData, InsightRecord } from '@/utils/insights/types';

const base: InsightRecord = {
  id: 0,
  kind: 'lead',
  archived: false,
  reasonId: null,
  sourceId: null,
  statusId: null,
  managerId: null,
  createdAt: null,
  archivedAt: null,
  archivedAtFrom: null,
  archivedFromStatusId: null,
  name: '',
  phone: '',
};
const rec = (id: number, r: Partial<InsightRecord>): InsightRecord => ({ ...base, id, name: `Lead ${id}`, ...r });
const lost = (at: string, from: 'log' | 'first-sync' = 'log') => ({ archived: true, archivedAt: `${at} 12:00:00`, archivedAtFrom: from });
const made = (d: string) => `${d} 09:30:00`;

export const RECORDS: InsightRecord[] = [
  rec(1, { sourceId: 1, statusId: 2, managerId: 1, createdAt: made('2025-01-05'), phone: '+380671111111', fields: { custom_ads_comp: 'spring' } }),
  rec(2, {
    ...lost('2025-01-20'),
    reasonId: 1,
    sourceId: 1,
    statusId: 3,
    archivedFromStatusId: 4,
    managerId: 1,
    createdAt: made('2025-01-10'),
    fields: { custom_ads_comp: 'spring' },
  }),
  rec(3, { ...lost('2025-01-16'), reasonId: 2, sourceId: 1, statusId: 1, managerId: 2, createdAt: made('2025-01-15'), phone: '067 111 11 11, 0501234567' }),
  rec(4, { kind: 'client', sourceId: 1, statusId: 5, createdAt: made('2025-02-01'), fields: { custom_ads_comp: 'spring' } }),
  rec(5, { ...lost('2025-03-01', 'first-sync'), reasonId: 3, sourceId: 2, statusId: 2, managerId: 1, createdAt: made('2025-02-03') }),
  rec(6, { ...lost('2025-02-12'), sourceId: 2, managerId: 2, createdAt: made('2025-02-10') }),
  rec(7, { ...lost('2025-03-05'), reasonId: 2, statusId: 1, archivedFromStatusId: 2, createdAt: made('2025-03-01') }),
  rec(8, { sourceId: 2, statusId: 4, managerId: 2, createdAt: made('2025-03-02'), phone: '+7 916 123-45-67' }),
  rec(9, { archived: true, reasonId: 99, sourceId: 1, createdAt: made('2025-03-03') }),
  rec(10, { kind: 'client', sourceId: 2, createdAt: made('2025-03-10'), phone: '8 (916) 123 45 67' }),
  rec(11, { ...lost('2025-02-19'), reasonId: 1, sourceId: 1, archivedFromStatusId: 3, managerId: 2, createdAt: made('2025-01-20') }),
];

export const fixture = (): InsightData => ({
  records: RECORDS.map((r) => ({ ...r })),
  hasApi: true,
  uiCounts: { byReason: { 0: 1, 1: 2, 2: 3, 3: 1, 99: 1 } },
  dicts: {
    reasons: [
      { id: 1, name: 'Дорого ( В )', enabled: true },
      { id: 2, name: 'Спам ( Не ЦА )', enabled: true },
      { id: 3, name: 'Пауза', enabled: false },
      { id: 4, name: 'Старе ( В )', enabled: false },
    ],
    sources: [
      { id: 1, name: 'Instagram' },
      { id: 2, name: 'Facebook' },
    ],
    statuses: ['Новий лід', 'Звʼязок встановлено', 'Записаний на пробний', 'Пробний проведено', 'Очікує оплату'].map((name, i) => ({ id: i + 1, name })),
    managers: [
      { id: 1, name: 'Олена' },
      { id: 2, name: 'Ірина' },
    ],
  },
});
