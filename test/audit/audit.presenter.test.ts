import { describe, it, expect } from 'vitest';
import { changedKeys, describeChain, formatValue, parseStored, presentAuditEntry } from '../../src/audit/audit.presenter.js';
import type { AuditRow } from '../../src/db/schema.js';
import { dayStartUtc, readAuditQuery } from '../../src/audit/audit-filter.js';

describe('changedKeys', () => {
  it('when one key of an object changes, then only that key is listed with old and new value', () => {
    expect(changedKeys({ a: 1, b: 'x', c: true }, { a: 1, b: 'y', c: true })).toEqual([{ key: 'b', before: 'x', after: 'y' }]);
  });

  it('when there is no "before" (a creation), then every key of "after" is listed as new', () => {
    expect(changedKeys(undefined, { name: 'Siti', active: true })).toEqual([
      { key: 'name', before: '—', after: 'Siti' },
      { key: 'active', before: '—', after: 'ya' },
    ]);
  });

  it('when a key is added or removed, then it is listed with a dash on the missing side', () => {
    expect(changedKeys({ a: 1, gone: 'x' }, { a: 1, added: null })).toEqual([
      { key: 'gone', before: 'x', after: '—' },
    ]);
    expect(changedKeys({ a: 1 }, { a: 1, added: 'y' })).toEqual([{ key: 'added', before: '—', after: 'y' }]);
  });

  it('when values are nested or arrays, then they compare by content and show as JSON', () => {
    expect(changedKeys({ r: ['a', 'b'] }, { r: ['a', 'b'] })).toEqual([]);
    expect(changedKeys({ r: ['a'] }, { r: ['a', 'b'] })).toEqual([{ key: 'r', before: '["a"]', after: '["a","b"]' }]);
  });

  it('when both sides are empty, or are not objects, then the result says so', () => {
    expect(changedKeys(undefined, undefined)).toEqual([]);
    expect(changedKeys('lama', 'baru')).toEqual([{ key: '(nilai)', before: 'lama', after: 'baru' }]);
  });

  it('when the stored text is not JSON (a damaged row), then it is shown as text rather than failing', () => {
    expect(parseStored('{broken')).toBe('{broken');
    expect(parseStored(null)).toBeUndefined();
    expect(changedKeys(parseStored(null), parseStored('{broken'))).toEqual([{ key: '(nilai)', before: '—', after: '{broken' }]);
  });

  it('formats values for people', () => {
    expect([formatValue(''), formatValue(false), formatValue(3), formatValue(null)]).toEqual(['(kosong)', 'tidak', '3', '—']);
  });
});

describe('audit filter dates', () => {
  it('when a day is given in WIB, then it starts at 17:00 UTC of the day before', () => {
    expect(dayStartUtc('2024-03-02', 'Asia/Jakarta')).toBe('2024-03-01T17:00:00.000Z');
    expect(dayStartUtc('2024-03-02', 'Asia/Jayapura')).toBe('2024-03-01T15:00:00.000Z');
  });

  it('when from and to are the same day, then the range covers that whole office-zone day', () => {
    const { filter, errors } = readAuditQuery({ from: '2024-03-01', to: '2024-03-01' }, 'Asia/Makassar');
    expect(errors).toEqual({});
    expect(filter.from).toBe('2024-02-29T16:00:00.000Z');
    expect(filter.to).toBe('2024-03-01T16:00:00.000Z');
  });

  it('when a date is invalid or the range is reversed, then that field is reported and left out', () => {
    const bad = readAuditQuery({ from: '2024-02-30', actor: 'Siti' }, 'Asia/Jakarta');
    expect(bad.errors.from).toMatch(/Tanggal tidak valid/);
    expect(bad.filter.from).toBeUndefined();
    expect(bad.filter.actor).toBe('siti');
    const reversed = readAuditQuery({ from: '2024-03-05', to: '2024-03-01' }, 'Asia/Jakarta');
    expect(reversed.errors.to).toBe('Tanggal akhir sebelum tanggal awal.');
    expect(reversed.filter.to).toBeUndefined();
    expect(reversed.filter.from).toBeDefined();
  });

  it('when query values are arrays or blank, then they are ignored', () => {
    const { query, filter } = readAuditQuery({ action: ['a', 'b'], q: '  ', entityType: 'request' }, 'Asia/Jakarta');
    expect(query).toEqual({ entityType: 'request' });
    expect(filter.action).toBeUndefined();
  });
});

describe('describeChain', () => {
  it('names the count or the first broken entry', () => {
    const base = { anchors: 2, lastAnchoredSeq: 3, unanchored: 1 };
    expect(describeChain({ ok: true, checked: 4, firstBroken: null, ...base })).toBe('Rantai log utuh: 4 entri diperiksa. 2 jangkar cocok (terakhir #3); 1 entri belum dijangkarkan.');
    expect(describeChain({ ok: false, checked: 2, firstBroken: { id: 3, kind: 'content', problem: 'X.' }, ...base })).toContain('#3');
  });
});

describe('presentAuditEntry', () => {
  const row = (o: Partial<AuditRow>): AuditRow => ({
    id: 1, at: '2024-03-01T17:30:00.000Z', actorUserId: null, actorLabel: 'siti', action: 'x', entityType: 'request', entityId: '5',
    summary: 's', before: null, after: null, prevHash: '0', hash: '1', ...o,
  });

  it('links requests and objections to their pages, shows the time in the office zone, and labels the type', () => {
    expect(presentAuditEntry(row({}), 'Asia/Jakarta')).toMatchObject({ entityHref: '/requests/5', entityLabel: 'Permohonan', when: '2 Mar 2024 00.30 WIB' });
    expect(presentAuditEntry(row({ entityType: 'objection' }), 'Asia/Jakarta').entityHref).toBe('/objections/5');
    expect(presentAuditEntry(row({ entityType: 'user' }), 'Asia/Makassar')).toMatchObject({ entityHref: null, entityLabel: 'Pengguna', when: '2 Mar 2024 01.30 WITA' });
    expect(presentAuditEntry(row({ entityType: 'request', entityId: null }), 'Asia/Jakarta').entityHref).toBeNull();
  });
});
