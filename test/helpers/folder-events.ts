/** Waiting for a folder's contents to change: by file-system events, never by a timer. */
import fs from 'node:fs';

/**
 * Resolves with `found(names)` as soon as it returns something other than undefined/false for
 * the folder's entries: checked at once and again on every change in the folder (a test's own
 * timeout catches a change that never comes).
 */
export function whenFolder<T>(dir: string, found: (names: string[]) => T | undefined | false): Promise<T> {
  return new Promise((resolve, reject) => {
    const watcher = fs.watch(dir);
    const check = () => {
      let result: T | undefined | false;
      try {
        result = found(fs.readdirSync(dir));
      } catch (err) {
        watcher.close();
        reject(err);
        return;
      }
      if (result !== undefined && result !== false) {
        watcher.close();
        resolve(result);
      }
    };
    watcher.on('change', check);
    watcher.on('error', (err) => {
      watcher.close();
      reject(err);
    });
    check();
  });
}
