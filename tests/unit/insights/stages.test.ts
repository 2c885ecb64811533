import { describe, expect, it } from 'vitest';
import { defaultStage, resolveStages, stageRank } from '@/utils/insights/stages';
import type { Stage } from '@/utils/insights/types';
import { LEAD_STATUSES } from '../../simulator/dictionaries';

const EXPECTED: Record<string, Stage> = {
  'Новий лід': 'none',
  'Звʼязок встановлено. Думають.': 'contact',
  'Не відповідає (1)': 'none',
  'Не відповідає (2)': 'none',
  Передзвонити: 'contact',
  'Надіслано інформацію': 'contact',
  'Записаний на пробний': 'trial-booked',
  'Пробний підтверджено': 'trial-booked',
  'Пробний проведено': 'trial-held',
  'Зворотний звʼязок після пробного': 'trial-held',
  'Очікує рахунок': 'awaiting-payment',
  'Рахунок надіслано': 'awaiting-payment',
  'Часткова оплата': 'awaiting-payment',
  Оплатив: 'awaiting-payment',
  'Підбір викладача': 'awaiting-payment',
  'Підбір групи': 'awaiting-payment',
  'Старт навчання': 'awaiting-payment',
  'Перенесли пробний': 'trial-booked',
  'Не прийшов на пробний': 'trial-booked',
  'Відкладений попит': 'contact',
  'Повторне звернення': 'contact',
  'Повернення з паузи': 'contact',
  'Повернення після відмови': 'contact',
  'Холодна база': 'none',
  'Розсилка відправлена': 'none',
  'Відповів на розсилку': 'contact',
  'Дзвінок запланований': 'contact',
  'Дзвінок проведено': 'contact',
  'Пропозиція знижки': 'contact',
  'Думає над пропозицією': 'contact',
  'Записаний на пробний (В)': 'trial-booked',
  'Пробний проведено (В)': 'trial-held',
  'Очікує оплату (В)': 'awaiting-payment',
  'Оплатив (В)': 'awaiting-payment',
  'Не цікаво зараз': 'contact',
  'Зв. через місяць': 'contact',
  'Зв. через 3 місяці': 'contact',
  'Переданий іншому менеджеру': 'contact',
  'Перевірка контактів': 'none',
  'Чекає на розклад': 'contact',
  'Групові заняття': 'contact',
  'Індивідуальні заняття': 'contact',
  'Корпоративний запит': 'contact',
};

describe('defaultStage', () => {
  it('maps every simulator status name as read by hand', () => {
    const got = Object.fromEntries(LEAD_STATUSES.map((s) => [s.name, defaultStage(s.name)]));
    expect(got).toEqual(EXPECTED);
  });

  it.each([
    ['Новый лид', 'none'],
    ['Не разобрано', 'none'],
    ['Пробное занятие проведено', 'trial-held'],
    ['Записан на пробное', 'trial-booked'],
    ['Ждёт счёт', 'awaiting-payment'],
    ['New lead', 'none'],
    ['Trial booked', 'trial-booked'],
    ['Trial held', 'trial-held'],
    ['Qualified', 'contact'],
  ] as [string, Stage][])('%s → %s', (name, stage) => expect(defaultStage(name)).toBe(stage));

  it('ranks stages in funnel order', () => {
    expect(stageRank('none')).toBeLessThan(stageRank('contact'));
    expect(stageRank('trial-held')).toBeLessThan(stageRank('awaiting-payment'));
  });
});

describe('resolveStages', () => {
  it('prefers the user override, keeps overrides of statuses missing from the dictionary', () => {
    const map = resolveStages(
      [
        { id: 1, name: 'Новий лід' },
        { id: 2, name: 'Пробний проведено' },
      ],
      { 1: 'contact', 9: 'trial-booked' },
    );
    expect([...map]).toEqual([
      [1, 'contact'],
      [2, 'trial-held'],
      [9, 'trial-booked'],
    ]);
  });
});
