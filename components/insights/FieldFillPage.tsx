/**
 * The Insights page of a source without reject reasons: how full each custom field is, over the
 * records its file holds. The data comes through an injected loader (main.tsx reads the store).
 */
import { useEffect, useState } from 'preact/hooks';
import { t, type Lang } from '@/utils/i18n';
import type { FieldFill, FieldFillData } from '@/utils/insights/field-fill';
import { fmtInt, fmtPct } from './format';
import { LangContext } from './lang';
import { SortableTable, type Column } from './SortableTable';

export interface FieldFillPageProps {
  account: string;
  lang: Lang;
  load: () => Promise<FieldFillData>;
}

function columns(lang: Lang, masks: boolean): Column<FieldFill>[] {
  const cols: Column<FieldFill>[] = [
    {
      key: 'title',
      label: t('fieldFill.field'),
      value: (f) => f.title,
      render: (f) => (
        <>
          {f.title}
          {!f.defined && <span class="badge warn">{t('fieldFill.notDefined')}</span>}
        </>
      ),
    },
    { key: 'code', label: t('fieldFill.code'), value: (f) => f.code, render: (f) => <small>{f.code}</small> },
    { key: 'filled', label: t('fieldFill.filled'), numeric: true, value: (f) => f.filled, render: (f) => fmtInt(lang, f.filled) },
    { key: 'total', label: t('fieldFill.total'), numeric: true, value: (f) => f.total, render: (f) => fmtInt(lang, f.total) },
    {
      key: 'share',
      label: t('fieldFill.share'),
      numeric: true,
      value: (f) => f.share,
      // A <meter>, not a styled bar: the page keeps its look in classes, no inline styles.
      render: (f) => (
        <>
          {fmtPct(lang, f.share)} <meter min={0} max={1} value={f.share ?? 0} />
        </>
      ),
    },
  ];
  if (masks) cols.push({ key: 'masked', label: t('fieldFill.masked'), numeric: true, value: (f) => f.masked ?? null, render: (f) => fmtInt(lang, f.masked) });
  return cols;
}

export function FieldFillPage(p: FieldFillPageProps) {
  const [data, setData] = useState<FieldFillData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    p.load().then(
      (d) => live && setData(d),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => void (live = false);
  }, [p.load]);

  const status = error
    ? t('insights.loadFailed', [error])
    : !data
      ? t('insights.computing')
      : t('fieldFill.tally', [fmtInt(p.lang, data.total), fmtInt(p.lang, data.fields.length)]);
  return (
    <LangContext.Provider value={p.lang}>
      <main class="insights">
        <header>
          <h1>
            {t('insights.title')} <small>{p.account}</small>
          </h1>
          <p data-testid="insights-status" data-ready={data && !error ? '1' : '0'} class={error ? 'error' : 'hint'}>
            {status}
          </p>
          {data?.masked !== undefined && data.masked > 0 && (
            <p data-testid="field-fill-masked" data-masked={String(data.masked)} class="hint">
              {t('fieldFill.maskedRecords', [fmtInt(p.lang, data.masked)])}
            </p>
          )}
        </header>
        {data && (
          <section id="field-fill">
            <h2>{t('fieldFill.heading')}</h2>
            <p class="hint">{t('fieldFill.hint')}</p>
            {data.fields.length ? (
              <SortableTable
                columns={columns(
                  p.lang,
                  data.fields.some((f) => f.masked !== undefined),
                )}
                rows={data.fields}
                rowKey={(f) => f.code}
                onDrill={() => undefined}
                rowAttrs={(f) => ({ 'data-testid': 'field-fill-row', 'data-code': f.code, 'data-filled': String(f.filled), 'data-total': String(f.total) })}
              />
            ) : (
              <p class="hint">{t('fieldFill.none')}</p>
            )}
          </section>
        )}
      </main>
    </LangContext.Provider>
  );
}
