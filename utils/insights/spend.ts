/**
 * Advertising spend per campaign group and period. The page edits the spend of the period being
 * looked at (the created-between range); spend entered per month ('YYYY-MM') is summed when the
 * exact period has none, so monthly figures can be imported later.
 */
import { monthNumber } from './dates';
import type { PeriodFilter } from './types';

export const periodKey = (f: PeriodFilter): string => `${f.createdFrom ?? ''}..${f.createdTo ?? ''}`;

export const spendKey = (branch: number, grouping: string, period: string, group: string): string => JSON.stringify([branch, grouping, period, group]);

const MONTH = /^\d{4}-\d{2}$/;

/** Spend per group for the filter's created period: the exact period's entry, else its months summed. */
export function spendByGroup(spend: Record<string, number>, branch: number, grouping: string, filter: PeriodFilter): Map<string, number> {
  const period = periodKey(filter);
  const from = filter.createdFrom ? monthNumber(filter.createdFrom) : -Infinity;
  const to = filter.createdTo ? monthNumber(filter.createdTo) : Infinity;
  const exact = new Map<string, number>();
  const monthly = new Map<string, number>();
  for (const [key, amount] of Object.entries(spend)) {
    const [b, g, p, group] = JSON.parse(key) as [number, string, string, string];
    if (b !== branch || g !== grouping) continue;
    if (p === period) exact.set(group, amount);
    else if (MONTH.test(p) && monthNumber(`${p}-01`) >= from && monthNumber(`${p}-01`) <= to) {
      monthly.set(group, (monthly.get(group) ?? 0) + amount);
    }
  }
  for (const [group, amount] of monthly) if (!exact.has(group)) exact.set(group, amount);
  return exact;
}
