/**
 * Arrows point down (README "Layout"). The lint's import-x/no-cycle catches cycles between
 * files through value imports; this test looks at folders and counts `import type` too, since a
 * type import ties two folders together just the same for a reader.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

/**
 * Page-level imports that still point up: a page composing another domain's data. Each pair is
 * "from -> to" of folders. Remove a pair once its imports are gone (the test says when); never add
 * one: move the shared part down, or the composition into a use case above both.
 */
const KNOWN_UPWARD = new Set([
  'audit -> auth', // audit.routes.ts uses the guards; auth records audit events
  'auth -> units', // a user belongs to a unit: the user forms, `user add --unit` and the account check look units up
  'settings -> holidays', // settings.service.ts: the cuti bersama switch recomputes deadlines as a holiday change does
  'requests -> objections', // the request page lists its objections
  'requests -> uploads', // the request page lists its files
  'objections -> uploads', // the objection page lists its files
]);

/** Folder of a file under src/, or the file's own name for the top-level ones (app, cli, …). */
function unitOf(file: string): string {
  const parts = path.relative(SRC, file).split(path.sep);
  return parts.length > 1 ? parts[0] : parts[0].replace(/\.[jt]s$/, '');
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** "from -> to" folder pairs, each with the files that make it. */
function folderEdges(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = path.resolve(path.dirname(file), m[1] ?? m[2]);
      if (!target.startsWith(SRC + path.sep)) continue;
      const from = unitOf(file);
      const to = unitOf(target);
      if (from === to) continue;
      const key = `${from} -> ${to}`;
      edges.set(key, [...(edges.get(key) ?? []), `${path.relative(SRC, file)} imports ${m[1] ?? m[2]}`]);
    }
  }
  return edges;
}

/** One cycle among the folders, as a path "a -> b -> … -> a", or null. */
function findCycle(pairs: Iterable<string>): string | null {
  const next = new Map<string, string[]>();
  for (const pair of pairs) {
    const [a, b] = pair.split(' -> ');
    next.set(a, [...(next.get(a) ?? []), b]);
  }
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (node: string): string | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...trail.slice(trail.indexOf(node)), node].join(' -> ');
    state.set(node, 'open');
    trail.push(node);
    for (const to of next.get(node) ?? []) {
      const found = visit(to);
      if (found) return found;
    }
    trail.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of [...next.keys()].sort()) {
    const found = visit(node);
    if (found) return found;
  }
  return null;
}

const importsOf = (edges: Map<string, string[]>, from: string) =>
  [...edges.keys()].filter((k) => k.startsWith(`${from} -> `)).flatMap((k) => edges.get(k) ?? []);

describe('dependency direction of src/', () => {
  const edges = folderEdges();

  it('when the known page-level compositions are set aside, then the folders form no cycle', () => {
    const cycle = findCycle([...edges.keys()].filter((k) => !KNOWN_UPWARD.has(k)));
    // The files behind each step of the cycle, to show where to cut it.
    const steps = cycle?.split(' -> ') ?? [];
    const detail = steps.slice(1).flatMap((to, i) => edges.get(`${steps[i]} -> ${to}`) ?? []);
    expect({ cycle, detail }).toEqual({ cycle: null, detail: [] });
  });

  it('when a known upward import is gone, then it leaves the list', () => {
    expect([...KNOWN_UPWARD].filter((k) => !edges.has(k))).toEqual([]);
  });

  it('when shared/ imports, then it imports no other folder of src/', () => {
    expect(importsOf(edges, 'shared')).toEqual([]);
  });

  it('when db/ imports, then only shared/ and the closed vocabularies (which import nothing)', () => {
    expect([...edges.keys()].filter((k) => k.startsWith('db -> ') && k !== 'db -> shared' && k !== 'db -> vocabulary')).toEqual([]);
    expect([...edges.keys()].filter((k) => k.startsWith('vocabulary -> '))).toEqual([]);
  });

  it('when calendar/ imports, then nothing from the domains that count with it', () => {
    const above = ['requests', 'objections', 'holidays', 'uploads', 'public', 'recap', 'import', 'exports'];
    expect(above.flatMap((to) => edges.get(`calendar -> ${to}`) ?? [])).toEqual([]);
  });

  it('when a domain imports, then never the entry points (app.ts, server.ts, cli.ts)', () => {
    const entry = [...edges.keys()].filter((k) => /-> (app|server|cli)$/.test(k) && !['server -> app', 'server -> cli'].includes(k));
    expect(entry.flatMap((k) => edges.get(k) ?? [])).toEqual([]);
  });
});
