/**
 * Funnel stages from lead statuses. Statuses are the school's own words, so the default map is a
 * guess from their names; the user corrects it on the page (status id → stage overrides).
 */
import { STAGES, type NamedId, type Stage } from './types';

export const stageRank = (s: Stage): number => STAGES.indexOf(s);

// Checked in this order: the first match wins. Past payment (picking a teacher, start) counts as
// the last stage: the funnel asks how far a lead got.
const RULES: readonly [Stage, RegExp][] = [
  ['awaiting-payment', /оплат|рахун|сч[её]т|invoice|payment|paid|підбір|подбор|старт навчан|начало обуч/u],
  ['trial-held', /пробн.*(?:провед|відбу|состоял)|(?:провед|відбу|состоял).*пробн|після пробн|после пробн|trial\s+(?:held|done)|after (?:the )?trial/u],
  ['trial-booked', /пробн|trial/u],
  [
    'none',
    /(?:^|[^\p{L}])(?:нов(?:ий|ый|ая|а|і|ые)|new)(?!\p{L})|не\s*розібр|не\s*разобр|не\s*відпов|не\s*отвеч|no answer|холодн|cold|розсилка відправ|рассылка отправ|перевірка контакт|проверка контакт/u,
  ],
];

export function defaultStage(statusName: string): Stage {
  const name = statusName.toLowerCase().replace(/\s+/g, ' ');
  for (const [stage, re] of RULES) if (re.test(name)) return stage;
  return 'contact';
}

/** Stage per status id: the user's choice, else the guess from the name. */
export function resolveStages(statuses: readonly NamedId[], overrides: Record<number, Stage>): Map<number, Stage> {
  const map = new Map<number, Stage>();
  for (const s of statuses) map.set(s.id, overrides[s.id] ?? defaultStage(s.name));
  for (const [id, stage] of Object.entries(overrides)) if (!map.has(Number(id))) map.set(Number(id), stage);
  return map;
}
