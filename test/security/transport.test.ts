/**
 * Issue 10, points 3, 10 and 14 (caching): what the app tells browsers and proxies.
 *  - HSTS and the CSP's upgrade-insecure-requests only when the app is served over HTTPS
 *    (PPID_SECURE_COOKIES=true): over plain HTTP on an intranet address they break every page.
 *  - PPID_TRUST_PROXY decides whose X-Forwarded-For is believed, and so the rate-limit bucket.
 *  - Personal data is never cached: staff pages, the API, the status result.
 */
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { csrfFrom, loginAs, makeUser, tokenFor } from '../helpers/login-as.js';
import { loadConfig } from '../../src/config.js';

const directives = (res: request.Response) =>
  String(res.headers['content-security-policy']).split(';').map((d) => d.trim().split(/\s+/)[0]);

describe('HTTPS-only headers', () => {
  it('when the app runs over plain HTTP (the default), then pages carry no upgrade-insecure-requests and no HSTS', async () => {
    const { app, db } = buildTestApp();
    await makeUser(db, 'officer', 'siti');
    for (const p of ['/login', '/status', '/public/app.css']) {
      const res = await request(app).get(p);
      expect(res.status, p).toBe(200);
      expect(directives(res), p).not.toContain('upgrade-insecure-requests');
      expect(res.headers['strict-transport-security'], p).toBeUndefined();
    }
  });

  it('when the app is configured for HTTPS, then pages carry both', async () => {
    const { app, db } = buildTestApp({ secureCookies: true });
    await makeUser(db, 'officer', 'siti');
    const res = await request(app).get('/login');
    expect(directives(res)).toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});

describe('PPID_TRUST_PROXY', () => {
  /** 21 login attempts (the per-address limit is 20), each claiming another client address. */
  async function statusesFromManyAddresses(trustProxy: boolean | number | string): Promise<number[]> {
    const { app, db } = buildTestApp({ trustProxy });
    await makeUser(db, 'officer', 'siti');
    const agent = request.agent(app);
    const csrf = csrfFrom((await agent.get('/login')).text);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const res = await agent.post('/login').set('X-Forwarded-For', `203.0.113.${i + 1}`).type('form').send({ _csrf: csrf, username: '', password: '' });
      statuses.push(res.status);
    }
    return statuses;
  }

  it('when the proxy in front is trusted, then X-Forwarded-For decides the rate-limit bucket', async () => {
    for (const setting of ['loopback', '127.0.0.1', '127.0.0.0/8', 1, true] as const) {
      expect(await statusesFromManyAddresses(setting), String(setting)).not.toContain(429);
    }
  });

  it('when it is not trusted, then X-Forwarded-For is ignored: every claimed address shares the one bucket', async () => {
    for (const setting of [false, '10.9.9.9', '192.0.2.0/24'] as const) {
      expect((await statusesFromManyAddresses(setting)).at(-1), String(setting)).toBe(429);
    }
  });

  it('is parsed from the environment, with a clear error for nonsense', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-config-'));
    const load = (value?: string) =>
      loadConfig({ PPID_DATA_DIR: dir, PPID_SESSION_SECRET: 'x'.repeat(40), ...(value === undefined ? {} : { PPID_TRUST_PROXY: value }) }).trustProxy;
    expect(load()).toBe('loopback');
    expect(load('false')).toBe(false);
    expect(load('true')).toBe(true);
    expect(load('2')).toBe(2);
    expect(load(' loopback, 10.0.0.0/8 ,192.168.1.1, fd00::/8, 172.16.0.0/255.240.0.0 ')).toBe('loopback,10.0.0.0/8,192.168.1.1,fd00::/8,172.16.0.0/255.240.0.0');
    for (const bad of ['yes', '10.0.0.0/33', '10.0.0', 'proxy.example.id', '', '1,,2', '-1', '10.0.0.1/8/8']) {
      expect(() => load(bad), bad).toThrow(/PPID_TRUST_PROXY: .*is not a proxy setting/);
    }
  });
});

describe('Cache-Control: no-store for personal data', () => {
  it('when staff are logged in, then every page they get is no-store; anonymous public pages stay cacheable', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'officer');
    for (const p of ['/requests', '/requests/new', '/recap?year=2022', '/rekap']) {
      const res = await agent.get(p);
      expect(res.status, p).toBe(200);
      expect(res.headers['cache-control'], p).toBe('no-store');
    }
    const anon = await request(app).get('/rekap');
    expect(anon.headers['cache-control']).toBeUndefined();
  });

  it('when the API answers, or refuses, then it is no-store', async () => {
    const { app, db } = buildTestApp();
    const token = await tokenFor(db, 'auditor');
    const ok = await request(app).get('/api/v1/requests').set('Authorization', `Bearer ${token}`);
    expect(ok.status).toBe(200);
    expect(ok.headers['cache-control']).toBe('no-store');
    const refused = await request(app).get('/api/v1/requests');
    expect(refused.headers['cache-control']).toBe('no-store');
  });
});
