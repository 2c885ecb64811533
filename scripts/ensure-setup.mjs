#!/usr/bin/env node
// Before the demo: Debian's Chromium (installed with apt when missing and we are root) and the
// e2e build of the extension.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const sh = (cmd) => {
  const r = spawnSync('sh', ['-c', cmd], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
  if (process.getuid?.() !== 0) {
    console.error('Chromium is missing: run `sudo apt-get install chromium` (Debian/Ubuntu) and try again.');
    process.exit(1);
  }
  console.log('Installing Chromium from Debian packages…');
  sh('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null');
}
console.log('Building the extension (.output/chrome-mv3-e2e)…');
sh('npx wxt build --mode e2e > /dev/null');
