/**
 * A reject reason's category guessed from its name. Schools mark the split in the names:
 * «… ( В )» for a target lead that was lost, «… ( Не ЦА )» for one outside the target audience.
 * The user can override every guess on the page.
 */
import type { Category } from './types';

// Latin look-alikes (B, A) are accepted: names are typed by hand, keyboards get switched.
const NON_TARGET = [
  /(?:^|[^\p{L}])не\s*ц[аa](?!\p{L})/u,
  /(?:^|[^\p{L}])не\s*(?:цільов|целев)/u,
  /(?:^|[^\p{L}])не(?:цільов|целев)/u,
  /\bnon-?\s*target\b|\bnot\s+target\b/u,
];
const TARGET = [/\(\s*(?:[вb]|ц[аa]|target)\s*\)/u];

export function seedCategory(reasonName: string): Category {
  const name = reasonName.toLowerCase().replace(/\s+/g, ' ');
  if (NON_TARGET.some((re) => re.test(name))) return 'non-target';
  if (TARGET.some((re) => re.test(name))) return 'target';
  return 'unclassified';
}
