// @vitest-environment jsdom
/** The fill-rate page: its test ids, the masked line, sorting by a header, a failed load said. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FieldFillPage } from '@/components/insights/FieldFillPage';
import type { FieldFillData } from '@/utils/insights/field-fill';
import { useLocale } from '../use-locale';

const DATA: FieldFillData = {
  total: 4,
  masked: 1,
  fields: [
    { code: 'note', title: 'Примітка', defined: true, filled: 1, total: 4, share: 0.25 },
    { code: 'source', title: 'Звідки', defined: true, filled: 3, total: 4, share: 0.75 },
    { code: 'old', title: 'old', defined: false, filled: 2, total: 4, share: 0.5 },
  ],
};

const roots: HTMLElement[] = [];

function mount(load: () => Promise<FieldFillData>) {
  const root = document.createElement('div');
  document.body.append(root);
  roots.push(root);
  render(<FieldFillPage account="https://app.alteg.io/1" lang="uk" load={load} />, root);
  const status = () => root.querySelector('[data-testid=insights-status]')!;
  const codes = () => [...root.querySelectorAll<HTMLElement>('[data-testid=field-fill-row]')].map((r) => [r.dataset.code, r.dataset.filled, r.dataset.total]);
  return { root, status, codes };
}

afterEach(() => {
  for (const root of roots.splice(0)) {
    render(null, root);
    root.remove();
  }
});

beforeAll(() => useLocale('uk'));

describe('FieldFillPage', () => {
  it('lists every field in the given order with its counts, then sorts by a header', async () => {
    const { root, status, codes } = mount(async () => DATA);
    await vi.waitFor(() => expect(status().getAttribute('data-ready')).toBe('1'));
    expect(status().textContent).toBe('4 записів, 3 додаткових полів');
    expect(root.querySelector('[data-testid=field-fill-masked]')?.getAttribute('data-masked')).toBe('1');
    expect(codes()).toEqual([
      ['note', '1', '4'],
      ['source', '3', '4'],
      ['old', '2', '4'],
    ]);
    const filled = [...root.querySelectorAll<HTMLButtonElement>('button.sort')][2];
    await act(() => filled.click());
    expect(codes().map(([c]) => c)).toEqual(['source', 'old', 'note']);
    await act(() => filled.click());
    expect(codes().map(([c]) => c)).toEqual(['note', 'old', 'source']);
  });

  it('says why it could not load, and is not ready', async () => {
    const { status } = mount(() => Promise.reject(new Error('boom')));
    await vi.waitFor(() => expect(status().className).toBe('error'));
    expect(status().getAttribute('data-ready')).toBe('0');
    expect(status().textContent).toContain('boom');
  });
});
