/**
 * Loads a branch's data and the account's settings through the injected ports, and keeps the
 * maths' three steps memoised: new data → prepareData, new settings → prepareView; the filter
 * step is the page's (computeInsights).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { prepareData } from '@/utils/insights/prepare-data';
import { prepareView, type PreparedView } from '@/utils/insights/prepare-view';
import { defaultSettings, parseSettings, type InsightSettings, type InsightSettingsPort } from '@/utils/insights/settings';
import type { InsightData } from '@/utils/insights/types';
import type { InsightsLoader } from './ports';

export interface InsightsModel {
  loading: boolean;
  error: string | null;
  data: InsightData | null;
  view: PreparedView | null;
  settings: InsightSettings;
  update: (patch: Partial<InsightSettings>) => void;
}

export function useInsightsModel(account: string, branch: number, load: InsightsLoader, port: InsightSettingsPort): InsightsModel {
  const [loaded, setLoaded] = useState<{ key: string; data: InsightData } | null>(null);
  const [settings, setSettings] = useState<InsightSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef<InsightSettings>(defaultSettings());
  const key = `${account}|${branch}`;

  useEffect(() => {
    let live = true;
    setSettings(null);
    port.get(account).then(
      (raw) => live && setSettings((latest.current = parseSettings(raw))),
      (e: unknown) => live && (setError(String(e)), setSettings((latest.current = defaultSettings()))),
    );
    return () => void (live = false);
  }, [account, port]);

  useEffect(() => {
    let live = true;
    setError(null);
    load(account, branch).then(
      (data) => live && setLoaded({ key, data }),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => void (live = false);
  }, [key, load]);

  const data = loaded?.key === key ? loaded.data : null;
  const prep = useMemo(() => (data ? prepareData(data) : null), [data]);
  const view = useMemo(() => (prep && settings ? prepareView(prep, settings) : null), [prep, settings]);

  const update = (patch: Partial<InsightSettings>) => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setSettings(next);
    port.set(account, next).catch((e: unknown) => setError(String(e)));
  };
  return { loading: !view && !error, error, data, view, settings: settings ?? latest.current, update };
}
