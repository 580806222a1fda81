/**
 * What ships is the build: `npm install` builds once (prepare), `npm start` and `npm run ppid`
 * run dist/ with plain node, and TypeScript is not a runtime dependency. CI's `npm run smoke`
 * (scripts/smoke-dist.mjs) then starts the built server itself.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (file: string) => JSON.parse(fs.readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));
const pkg = read('package.json') as { scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string> };

describe('shipped compiled', () => {
  it('when the app is installed, then prepare builds dist/ and start and the CLI run it without compiling', () => {
    expect(pkg.scripts.prepare).toBe('npm run build');
    expect(pkg.scripts.build).toBe('tsc -p tsconfig.build.json');
    expect(pkg.scripts.start).toBe('node --max-semi-space-size=2 --heap-growing-percent=50 dist/server.js');
    expect(pkg.scripts.ppid).toBe('node dist/cli.js');
  });

  it('when installed for production, then neither typescript nor tsx is a runtime dependency', () => {
    for (const tool of ['typescript', 'tsx']) {
      expect(pkg.dependencies[tool], tool).toBeUndefined();
      expect(pkg.devDependencies[tool], tool).toBeDefined();
    }
  });

  it('when the build runs, then dist/ mirrors src/ one level below the root, so views/, public/ and drizzle/ resolve from either', () => {
    const build = read('tsconfig.build.json') as { compilerOptions: { rootDir: string; outDir: string } };
    expect(build.compilerOptions).toMatchObject({ rootDir: 'src', outDir: 'dist' });
  });

  it('when CI runs, then it starts the built server once before the tests', () => {
    const ci = fs.readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8');
    expect(ci.indexOf('npm run smoke')).toBeGreaterThan(ci.indexOf('npm ci'));
    expect(ci.indexOf('npm run smoke')).toBeLessThan(ci.indexOf('npm test'));
    expect(pkg.scripts.smoke).toBe('node scripts/smoke-dist.mjs');
  });
});
