import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { AUDIT_ACTIONS, actionLabel } from '../../src/audit/actions.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every string literal in an `action: …` expression (a ternary gives two). Paths ("/requests") are form actions. */
function actionsWritten(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of [...sourceFiles(path.join(ROOT, 'src')), ...sourceFiles(path.join(ROOT, 'bench'))]) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\baction:\s*([^,}\n]+)/g)) {
      if (m[1].startsWith('text(')) continue; // the column itself (db/schema.ts)
      for (const s of m[1].matchAll(/'([^']*)'/g)) {
        if (!s[1].startsWith('/')) found.set(s[1], path.relative(ROOT, file));
      }
    }
  }
  return found;
}

describe('audit actions', () => {
  it('every action written anywhere in the code has an Indonesian label', () => {
    const written = actionsWritten();
    expect(written.size).toBeGreaterThan(25); // the scan finds them
    const missing = [...written].filter(([a]) => !Object.hasOwn(AUDIT_ACTIONS, a)).map(([a, f]) => `${a} (${f})`);
    expect(missing).toEqual([]);
  });

  it('labels are Indonesian phrases, one per action; an unknown stored code is shown as it is', () => {
    const labels = Object.values(AUDIT_ACTIONS);
    expect(new Set(labels).size).toBe(labels.length);
    for (const l of labels) expect(l).toMatch(/^[A-Z][a-z]/);
    expect(actionLabel('request.create')).toBe('Permohonan dicatat');
    expect(actionLabel('old.thing')).toBe('old.thing');
  });
});
