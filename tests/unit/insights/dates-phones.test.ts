import { describe, expect, it } from 'vitest';
import { dayLabel, dayNumber, monthLabel, monthNumber } from '@/utils/insights/dates';
import { groupByPhone, phoneKeys, phoneLabel } from '@/utils/insights/phones';

describe('dates', () => {
  it('reads the date part of API timestamps as day and month numbers', () => {
    expect(dayNumber('1970-01-02 10:00:00')).toBe(1);
    expect(dayNumber('2025-03-01') - dayNumber('2025-02-28 23:59:59')).toBe(1);
    expect(dayLabel(dayNumber('2024-02-29 00:00:00'))).toBe('2024-02-29');
    expect(monthLabel(monthNumber('2025-12-31 08:00:00'))).toBe('2025-12');
    expect(monthNumber('2025-01-15') - monthNumber('2024-12-01')).toBe(1);
  });

  it.each([null, '', '31.12.2025', '2025-13-01', '2025-1-01', 'abcd-ef-gh'])('%s is NaN', (s) => {
    expect(dayNumber(s)).toBeNaN();
    expect(monthNumber(s)).toBeNaN();
  });
});

describe('phoneKeys', () => {
  it('matches the Ukrainian spellings of one number', () => {
    const keys = ['+380 67 123 45 67', '067-123-45-67', '8 067 123 4567', '(67) 123-45-67'].map(phoneKeys);
    expect(new Set(keys.flat())).toEqual(new Set([671234567]));
    expect(phoneLabel(671234567)).toBe('0671234567');
  });

  it('matches the Russian 7/8 prefixes', () => {
    expect(phoneKeys('+7 916 123-45-67')).toEqual(phoneKeys('8 (916) 123 45 67'));
  });

  it('splits several phones, drops short ones and repeats', () => {
    expect(phoneKeys('+380671234567, 0671234567, 123, +380501112233').map(phoneLabel)).toEqual(['0671234567', '0501112233']);
    expect(phoneKeys('')).toEqual([]);
  });
});

describe('groupByPhone', () => {
  it('groups records sharing any of their phones, each group in phone order', () => {
    const phones = ['+380671234567', '050 111 22 33', '', '0671234567, +380 50 111 22 33', '+380991234567', '8 067 123 45 67'];
    const g = groupByPhone(phones);
    const groups = Array.from(g.keys, (k, i) => [phoneLabel(k), [...g.members.subarray(g.start[i], g.start[i + 1])]]);
    expect(groups).toEqual([
      ['0501112233', [1, 3]],
      ['0671234567', [0, 3, 5]],
    ]);
  });
});
