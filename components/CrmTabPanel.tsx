/**
 * What the extension adds to a CRM page in its shadow root: the export button and, on the page
 * that lists the archive by reason, the Insights line (asked again after each export).
 */
import { useEffect, useState } from 'preact/hooks';
import type { TabInsights } from '@/utils/insights/tab-summary';
import { call } from '@/utils/messages/send';
import { ExportPanel, type ExportPanelProps } from './ExportPanel';
import { TabInsightsLine } from './TabInsightsLine';

interface Props {
  button: ExportPanelProps;
  /** Whether this page lists the archive by reason. */
  archive: boolean;
  onSummary: (summary: TabInsights | null) => void;
}

export function CrmTabPanel({ button, archive, onSummary }: Props) {
  const [summary, setSummary] = useState<TabInsights | null>(null);
  const [exports, setExports] = useState(0);
  useEffect(() => {
    let live = true;
    const ask = archive ? call('insightsSummary').catch(() => null) : Promise.resolve(null);
    void ask.then((s) => {
      if (!live) return;
      setSummary(s);
      onSummary(s);
    });
    return () => void (live = false);
  }, [archive, exports]);
  return (
    <>
      <ExportPanel {...button} onDone={() => setExports((n) => n + 1)} />
      {summary && <TabInsightsLine summary={summary} />}
    </>
  );
}
