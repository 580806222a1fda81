/** The queue page's filter values and paging links (exact totals, offset paging). */
import type { ListQuery } from './desk.schemas.js';

const FILTER_KEYS = ['year', 'month', 'channel', 'category', 'status', 'unit', 'due'] as const;

export function queuePage(q: ListQuery, r: { total: number; page: number; perPage: number; pages: number }) {
  const filter = Object.fromEntries(FILTER_KEYS.map((k) => [k, q[k] === undefined ? '' : String(q[k])])) as Record<(typeof FILTER_KEYS)[number], string>;
  const href = (page: number) => {
    const params = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== ''));
    if (q.per_page) params.set('per_page', String(q.per_page));
    if (page > 1) params.set('page', String(page));
    const qs = params.toString();
    return `/desk${qs ? `?${qs}` : ''}`;
  };
  const first = r.total === 0 ? 0 : (r.page - 1) * r.perPage + 1;
  const last = Math.min(r.total, r.page * r.perPage);
  return {
    filter,
    paging: {
      total: r.total, page: r.page, pages: r.pages, pagesText: r.pages.toLocaleString('id-ID'),
      range: r.total === 0 ? 'Tidak ada konsultasi.' : `${first}–${last} dari ${r.total.toLocaleString('id-ID')} konsultasi`,
      prev: r.page > 1 ? href(r.page - 1) : null,
      next: r.page < r.pages ? href(r.page + 1) : null,
    },
  };
}
