// @vitest-environment jsdom
/** The page over the hand-made fixture: the outside interface's test ids, and choices kept. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { InsightsPage } from '@/components/insights/InsightsPage';
import type { InsightSettings, InsightSettingsPort } from '@/utils/insights/settings';
import { useLocale } from '../use-locale';
import { fixture } from './fixture';

const roots: HTMLElement[] = [];

function mount() {
  const saved: InsightSettings[] = [];
  const port: InsightSettingsPort = { get: async () => ({ categories: { 4: 'non-target' } }), set: async (_a, s) => void saved.push(s) };
  const exported: number[][] = [];
  const root = document.createElement('div');
  document.body.append(root);
  roots.push(root);
  render(
    <InsightsPage
      account="acme"
      branch={1}
      branches={[{ id: 1, name: 'Main' }]}
      lang="uk"
      load={async () => fixture()}
      settings={port}
      exportSlice={(ids) => void exported.push(ids)}
    />,
    root,
  );
  const $$ = (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];
  const ready = () => vi.waitFor(() => expect(root.querySelector('[data-testid=insights-status]')?.getAttribute('data-ready')).toBe('1'));
  return { root, $$, ready, saved, exported };
}

afterEach(() => {
  for (const root of roots.splice(0)) {
    render(null, root);
    root.remove();
  }
});

beforeAll(() => useLocale('uk'));

describe('InsightsPage', () => {
  it('shows every reason and campaign with the data attributes of the interface', async () => {
    const { $$, ready } = mount();
    await ready();
    expect($$('h1')[0].textContent).toMatch(/^Аналітика /);
    const reasons = $$('[data-testid=reason-row]').map((r) => [r.dataset.reasonId, r.dataset.count, r.dataset.category]);
    expect(reasons).toEqual([
      ['1', '2', 'target'],
      ['2', '2', 'non-target'],
      ['99', '1', 'unclassified'],
      ['3', '1', 'unclassified'],
      ['4', '0', 'non-target'],
    ]);
    const campaigns = $$('[data-testid=campaign-row]').map((r) => [
      r.dataset.sourceId,
      r.dataset.leads,
      r.dataset.archivedTarget,
      r.dataset.archivedNonTarget,
      r.dataset.clients,
    ]);
    expect(campaigns).toEqual([
      ['1', '6', '2', '1', '1'],
      ['2', '4', '0', '0', '1'],
      ['', '1', '0', '1', '0'],
    ]);
  });

  it('remembers a category change and recounts', async () => {
    const { $$, ready, saved } = mount();
    await ready();
    const select = $$('[data-testid=reason-row][data-reason-id="3"] [data-testid=reason-category]')[0] as HTMLSelectElement;
    await act(() => {
      select.value = 'non-target';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(saved.at(-1)!.categories).toEqual({ 4: 'non-target', 3: 'non-target' });
    expect($$('[data-testid=reason-row][data-reason-id="3"]')[0].dataset.category).toBe('non-target');
    expect($$('[data-testid=campaign-row][data-source-id="2"]')[0].dataset.archivedNonTarget).toBe('1');
  });

  it('opens the records behind a number and exports them', async () => {
    const { $$, ready, exported } = mount();
    await ready();
    const cell = $$('[data-testid=campaign-row][data-source-id="1"] button.num')[2];
    await act(() => cell.click());
    expect($$('[data-testid=insights-drill] tbody tr').map((r) => r.firstElementChild!.textContent)).toEqual(['2', '11']);
    await act(() => $$('[data-testid=export-slice]')[0].click());
    expect(exported).toEqual([[2, 11]]);
  });
});
