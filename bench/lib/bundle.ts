/** Bundles an in-page module of the benchmark (and the product modules it imports) into one script. */
import { build } from 'esbuild';
import path from 'node:path';

export async function bundleForPage(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [path.resolve(import.meta.dirname, '..', entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
    // What WXT's build puts in import.meta.env for the e2e build the bench loads.
    define: { 'import.meta.env': JSON.stringify({ MODE: 'e2e', FIREFOX: false, WXT_ALTEGIO_PARTNER_TOKEN: '' }) },
  });
  return out.outputFiles[0].text;
}
