// Runs before `npm test`: the browser test needs Debian's chromium (playwright-core cannot
// download browsers here). Installs it when missing and this user may use apt-get.
import { execSync } from 'node:child_process';
import { chromiumPath } from './chromium-path.mjs';

if (!chromiumPath()) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const has = (cmd) => { try { execSync(`command -v ${cmd}`, { stdio: 'ignore' }); return true; } catch { return false; } };
  if (isRoot && has('apt-get')) {
    console.log('Chromium not found: installing Debian\'s chromium for the browser test…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  } else {
    console.warn('Chromium not found and cannot be installed from here: run `sudo apt-get install -y chromium`, or set CHROMIUM_PATH. The browser test will fail until then.');
  }
}
