/**
 * Keeps the export button on a single-page app's page: such apps replace their containers when
 * they redraw or change route, taking anything put inside with them. The button's host node is
 * put back (moved, not re-rendered, so a running export keeps its progress line) whenever it
 * has left the document and the anchor is there again; it is first mounted once an anchor exists.
 */

export interface Mountable {
  /** Inserts the host at the anchor and renders into it (once). */
  mount(): void;
  /** The node that carries the button. */
  shadowHost: HTMLElement;
}

/** Starts watching; returns the function that stops it. */
export function keepMounted(ui: Mountable, anchor: () => Element | null, root: Node = document.documentElement): () => void {
  let mounted = false;
  const check = () => {
    if (mounted && ui.shadowHost.isConnected) return;
    const at = anchor();
    if (!at?.parentElement) return;
    if (!mounted) {
      ui.mount();
      mounted = true;
    } else {
      at.parentElement.insertBefore(ui.shadowHost, at.nextElementSibling);
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(root, { childList: true, subtree: true });
  check();
  return () => observer.disconnect();
}
