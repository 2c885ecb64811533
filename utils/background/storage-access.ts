/**
 * Keeps extension storage (settings and the API key in `local`) out of content scripts: they run
 * beside CRM pages and never need it. Chrome lets every storage area be limited to the
 * extension's own pages and worker; Firefox only knows this for `session` (already limited), so
 * there the refusal is expected and ignored.
 */
export async function limitStorageToExtensionPages(): Promise<boolean> {
  const local = browser.storage?.local as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> } | undefined;
  if (!local?.setAccessLevel) return false;
  try {
    await local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return true;
  } catch {
    return false;
  }
}
