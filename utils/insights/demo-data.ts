/**
 * Synthetic Insights data (deterministic): for the page's STUB loader until the store is wired,
 * and for bench/insights-speed.ts. Reason names are real ones from an AlfaCRM account.
 */
import type { InsightData, InsightRecord } from './types';

const REASONS: [number, string, boolean][] = [
  [1, 'Некоректні контакти ( Не ЦА )', true],
  [5, 'Дорого', false],
  [6, 'Недовіра, сумніви ( В )', true],
  [8, 'Не актуально ( Не ЦА )', true],
  [9, 'Хочуть офлайн ( Не ЦА)', true],
  [10, 'Не відповідає ( Не Ца )', true],
  [12, 'Подумає (мороз)  ( В )', true],
  [17, 'Дубль', true],
  [22, 'Не сподобався пробний  ( В )', true],
  [24, 'Дорого  ( саме наші ціни )  ( В )', true],
  [34, 'Зможе почати через місяць', true],
  [35, 'Шукає безкоштовні курси ( Не ЦА )', true],
  [38, 'Хоче вивчати іншу мову  ( не ЦА )', true],
  [39, "Після пробного не виходить на зв'язок ( В )", true],
  [41, 'Немає часу на навчання  ( В )', true],
  [42, 'Обрали конкурентів ( В )', true],
  [44, 'Дуже маленька дитина ( НЕ ЦА )', true],
];
const STATUSES = ['Новий лід', 'Звʼязок встановлено', 'Не відповідає', 'Записаний на пробний', 'Пробний проведено', 'Очікує оплату', 'Оплатив'];
const SOURCES = ['Instagram', 'Facebook', 'Сайт', 'Google Ads', 'TikTok', 'Telegram', 'Рекомендація', 'OLX'];
const MANAGERS = ['Олена', 'Ірина', 'Дмитро', 'Марія', 'Андрій'];
const CAMPAIGNS = ['spring_sale', 'kids_2025', 'ielts_lookalike', 'retarget', ''];
const NAMES = ['Олександр', 'Марина', 'Дмитрий', 'Катерина', 'Іван', 'Софія', 'Анна «Ганна»', 'Petro'];

/** Park–Miller generator: the same seed gives the same data. */
function random(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

const stamp = (day: number): string => `${new Date(day * 86_400_000).toISOString().slice(0, 10)} 10:00:00`;

export function makeDemoData(n: number, seed = 7, lastDay = 20_300): InsightData {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const records: InsightRecord[] = [];
  for (let i = 0; i < n; i++) {
    const created = lastDay - Math.floor(rnd() * 540);
    const roll = rnd();
    const kind = roll < 0.12 ? 'client' : 'lead';
    const archived = kind === 'lead' && roll > 0.35;
    const lostAfter = Math.floor(rnd() * rnd() * 90);
    const known = archived && created + lostAfter <= lastDay;
    const source = rnd() < 0.05 ? null : Math.floor(rnd() * SOURCES.length) + 1;
    // About 3% of records repeat an earlier record's phone (a lead that came twice).
    const phone = i > 0 && rnd() < 0.03 ? records[Math.floor(rnd() * i)].phone.split(', ')[0] : `+38067${String((i * 7919) % 9_999_991).padStart(7, '0')}`;
    records.push({
      id: 100_000 + i,
      kind,
      archived,
      reasonId: archived ? (rnd() < 0.01 ? null : pick(REASONS)[0]) : null,
      sourceId: source,
      statusId: Math.floor(rnd() * STATUSES.length) + 1,
      managerId: rnd() < 0.03 ? null : Math.floor(rnd() * MANAGERS.length) + 1,
      createdAt: stamp(created),
      archivedAt: known ? stamp(created + lostAfter) : archived ? stamp(lastDay) : null,
      archivedAtFrom: known ? (rnd() < 0.85 ? 'log' : 'first-sync') : archived ? 'first-sync' : null,
      archivedFromStatusId: known && rnd() < 0.8 ? Math.floor(rnd() * 5) + 1 : null,
      name: `${pick(NAMES)} ${i}`,
      phone: rnd() < 0.1 ? `${phone}, 050${String(i % 9_999_999).padStart(7, '0')}` : phone,
      fields: { custom_ads_comp: pick(CAMPAIGNS) },
    });
  }
  const byReason: Record<number, number> = {};
  for (const r of records) if (r.archived) byReason[r.reasonId ?? 0] = (byReason[r.reasonId ?? 0] ?? 0) + 1;
  if (byReason[6]) byReason[6] += 3; // a board that disagrees with the API, as happens
  return {
    records,
    hasApi: true,
    uiCounts: { byReason },
    dicts: {
      reasons: REASONS.map(([id, name, enabled]) => ({ id, name, enabled })),
      statuses: STATUSES.map((name, i) => ({ id: i + 1, name })),
      sources: SOURCES.map((name, i) => ({ id: i + 1, name })),
      managers: MANAGERS.map((name, i) => ({ id: i + 1, name })),
    },
  };
}
