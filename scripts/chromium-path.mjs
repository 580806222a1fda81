// Where Debian's chromium lives, or null. Shared by the browser test and scripts/ensure-chromium.mjs.
import fs from 'node:fs';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumPath() {
  return CANDIDATES.find((p) => p && fs.existsSync(p)) ?? null;
}
