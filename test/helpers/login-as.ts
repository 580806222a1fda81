import request from 'supertest';
import type { Application } from 'express';
import type { Db } from '../../src/db/client.js';
import { createUser } from '../../src/auth/auth.service.js';
import type { Role } from '../../src/auth/roles.js';
import { createToken } from '../../src/auth/auth.service.js';
import { createUnit, findUnitByCode } from '../../src/units/units.service.js';

/** The unit a `unit` user is put in when the test names none (created on first use). */
export function testUnit(db: Db, code = 'UT.1'): number {
  const found = findUnitByCode(db, code);
  if (found) return found.id;
  return createUnit({ db, actor: { userId: null, label: 'test' }, input: { code, name: `Unit uji ${code}`, kind: 'unit', active: true } }).id;
}

export const TEST_PASSWORD = 'correct horse battery';

/** Creates a user of the role; returns its username. */
export async function makeUser(db: Db, role: Role, username = `${role}1`, unitId?: number): Promise<string> {
  const unit = unitId ?? (role === 'unit' ? testUnit(db) : undefined);
  await createUser(db, { userId: null, label: 'test' }, { username, displayName: `Test ${role}`, role, password: TEST_PASSWORD, unitId: unit });
  return username;
}

/** Reads the CSRF token from a page's hidden field. */
export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF token on page');
  return m[1];
}

/** A supertest agent logged in as a fresh user of the role, plus a CSRF token for its forms. */
export async function loginAs(app: Application, db: Db, role: Role, username?: string, unitId?: number) {
  const name = await makeUser(db, role, username, unitId);
  const agent = request.agent(app);
  const page = await agent.get('/login');
  await agent.post('/login').type('form').send({ _csrf: csrfFrom(page.text), username: name, password: TEST_PASSWORD }).expect(302);
  // The token is bound to the session, which login renewed: take it from a page of the new one.
  const home = await agent.get(role === 'unit' ? '/dispositions' : role === 'agent' ? '/desk' : '/requests');
  return { agent, username: name, csrf: csrfFrom(home.text) };
}

/** A bearer token for a fresh user of the role. */
export async function tokenFor(db: Db, role: Role, username?: string, unitId?: number): Promise<string> {
  const name = await makeUser(db, role, username, unitId);
  return createToken(db, { userId: null, label: 'test' }, name, 'test').token;
}
