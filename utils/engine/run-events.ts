/** Who wants to know when a run completes (the background builds then what pages will ask for). */
type Listener = (jobKey: string) => void;
const listeners = new Set<Listener>();

export function onRunCompleted(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function runCompleted(jobKey: string): void {
  for (const l of listeners) l(jobKey);
}
