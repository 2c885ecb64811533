/** Masked contacts, values as cell text, custom fields in every form, changes since a run. */
import { describe, expect, it } from 'vitest';
import { changedAfter, changedSince, offsetOf } from '@/utils/sources/altegio/changes';
import { isMaskedEmail, isMaskedPhone, maskFits } from '@/utils/sources/altegio/masked';
import { customValues, text } from '@/utils/sources/altegio/values';

describe('masked contacts', () => {
  it('sees `*`, `•` or `x` among digits in a phone, `*` or `•` in an e-mail', () => {
    for (const v of ['+7********78', '7•••••••78', '+7 (916) ***-**-78', '+7xxxxxxxx78', '38067XXXXX67']) expect(isMaskedPhone(v), v).toBe(true);
    for (const v of ['+79161234578', '79161234578', '13155550178', '', 'x', 'ext. 12']) expect(isMaskedPhone(v), v).toBe(false);
    expect(isMaskedEmail('p***@mail.ru')).toBe(true);
    expect(isMaskedEmail('max.xx@mail.ru')).toBe(false);
  });

  it('knows whether a clear value is what a mask hides', () => {
    expect(maskFits('phone', '+7********78', '+79161234578')).toBe(true);
    expect(maskFits('phone', '+7********78', '+79161234579')).toBe(false);
    expect(maskFits('phone', '+7********78', '+791612345678')).toBe(false);
    expect(maskFits('email', 'p***@mail.ru', 'petro@mail.ru')).toBe(true);
    expect(maskFits('email', 'p***@mail.ru', 'anna@mail.ru')).toBe(false);
    expect(maskFits('email', 'p***@mail.ru', 'p***@mail.ru')).toBe(false);
  });
});

describe('values as received', () => {
  it('keeps strings, writes numbers as they are, joins lists (categories by title), leaves null empty', () => {
    expect(text('  =1+1\r\n')).toBe('  =1+1\r\n');
    expect(text(13155550178)).toBe('13155550178');
    expect(text(12.5)).toBe('12.5');
    expect(text(null)).toBe('');
    expect(text(['Instagram', 'Друзі'])).toBe('Instagram, Друзі');
    expect(
      text([
        { id: 1, title: 'VIP', color: '#f00' },
        { id: 2, title: 'Постійні' },
      ]),
    ).toBe('VIP, Постійні');
  });

  it('reads custom fields in every form: [], {}, null and absent hold nothing', () => {
    for (const none of [[], {}, null, undefined]) expect(customValues(none)).toEqual([]);
    expect(
      customValues({ 'instagram-user-name': 'anna.k', card_number: '0000012345', internal_score: -3, source: ['Instagram', 'Друзі'], gone: null }),
    ).toEqual([
      ['instagram-user-name', 'anna.k'],
      ['card_number', '0000012345'],
      ['internal_score', '-3'],
      ['source', 'Instagram, Друзі'],
    ]);
    expect(customValues([{ code: 'note', value: 'a\r\nb' }])).toEqual([['note', 'a\r\nb']]);
  });
});

describe('changes since the last good run', () => {
  it('writes changed_after in the location wall clock, 10 min and an hour early', () => {
    expect(offsetOf('2024-05-01T12:00:00+0300')).toBe(180);
    expect(offsetOf('2024-01-01T12:00:00-05:30')).toBe(-330);
    expect(offsetOf('2024-05-01')).toBeNull();
    expect(changedAfter('2024-05-01T10:00:00.000Z', 180)).toBe('2024-05-01T11:50:00');
    // No offset known yet: as far back as any zone could be.
    expect(changedAfter('2024-05-01T10:00:00.000Z', null)).toBe('2024-04-30T18:50:00');
  });

  it('checks a row against it by wall clock', () => {
    expect(changedSince({ last_change_date: '2024-05-01T12:00:00+0300' }, '2024-05-01T11:50:00')).toBe(true);
    expect(changedSince({ last_change_date: '2024-05-01 11:49:59' }, '2024-05-01T11:50:00')).toBe(false);
    expect(changedSince({}, '2024-05-01T11:50:00')).toBe(false);
  });
});
