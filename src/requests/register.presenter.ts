/**
 * The register page's view model: its rows, the filter form (each select's options with the one
 * selected, and a value typed that the list does not know offered back), the count, the export
 * links and the pager. The view only prints it.
 */
import { MONTHS_ID } from '../shared/dates.js';
import { formatNumber } from '../shared/numbers.js';
import { presentRegisterRow } from './requests.presenter.js';
import type { RegisterFilter, RegisterPageData } from './register.query.js';
import { STATUS_FILTERS } from './status-filters.js';
import { CHANNELS, REQUESTER_CATEGORIES } from './vocabulary.js';

const FILTER_KEYS = ['year', 'month', 'status', 'channel', 'category', 'q'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

export const FILTER_REFUSED = 'Filter tidak dapat dipakai: periksa isian yang ditandai. Tidak ada permohonan yang ditampilkan.';

export interface SelectOption {
  value: string;
  label: string;
  selected: boolean;
}

export interface FilterSelect {
  name: FilterKey;
  label: string;
  options: SelectOption[];
  error: string;
}

/** The filter's values as text: a refused filter comes back exactly as typed (strings), a valid one parsed. */
function typedValues(source: Record<string, unknown>): Record<FilterKey, string> {
  return Object.fromEntries(FILTER_KEYS.map((k) => {
    const v = source[k];
    return [k, typeof v === 'string' || typeof v === 'number' ? String(v) : ''];
  })) as Record<FilterKey, string>;
}

/** The query string of a valid filter (empty values left out), for links that keep it. */
export function filterQuery(filter: RegisterFilter): string {
  return new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString();
}

/**
 * @param typed what the filter form sent (the raw query), shown when the filter was refused
 * @param filter the parsed filter, or null when refused
 */
export function presentRegisterPage(
  data: RegisterPageData,
  { typed, filter, filterErrors = {} }: { typed: Record<string, unknown>; filter: RegisterFilter | null; filterErrors?: Record<string, string> },
) {
  const refused = filter === null;
  const values = typedValues(refused ? typed : filter);
  const query = refused ? '' : filterQuery(filter);
  const select = (name: FilterKey, label: string, known: [string, string][]): FilterSelect => {
    const value = values[name];
    const options: SelectOption[] = [{ value: '', label: 'Semua', selected: false }];
    // A typed value the list does not know is offered back, selected, so the form keeps it.
    if (value !== '' && !known.some(([k]) => k === value)) options.push({ value, label: `${value} (tidak dikenal)`, selected: true });
    for (const [k, text] of known) options.push({ value: k, label: text, selected: value === k });
    return { name, label, options, error: filterErrors[name] ?? '' };
  };
  // The years that have requests, plus a valid year asked for that has none.
  const years = [...new Set([...data.years.map(String), ...(values.year && !filterErrors.year ? [values.year] : [])])].sort((a, b) => Number(b) - Number(a));
  const pages = data.totalCapped
    // Past the count cap the last page is not known: offer the next one while this one is full.
    ? Math.max(data.page + (data.rows.length === data.pageSize ? 1 : 0), Math.ceil(data.total / data.pageSize))
    : Math.max(1, Math.ceil(data.total / data.pageSize));
  const link = (extra: string) => `/requests${query || extra ? `?${[query, extra].filter(Boolean).join('&')}` : ''}`;
  const exportLink = (path: string, extra = '') => `${path}${query || extra ? `?${[query, extra].filter(Boolean).join('&')}` : ''}`;
  return {
    rows: data.rows.map((r) => presentRegisterRow(r, data.calendar, data.today)),
    // "140.053", as the count line writes its numbers.
    workload: {
      open: formatNumber(data.workload.open), dueSoon: formatNumber(data.workload.dueSoon),
      overdue: formatNumber(data.workload.overdue), unopened: formatNumber(data.workload.unopened),
    },
    refused,
    message: refused ? FILTER_REFUSED : '',
    filtered: query !== '',
    search: { value: values.q, error: filterErrors.q ?? '' },
    selects: [
      select('year', 'Tahun', years.map((y) => [y, y])),
      select('month', 'Bulan', MONTHS_ID.map((m, i) => [String(i + 1), m])),
      select('status', 'Status', Object.entries(STATUS_FILTERS)),
      select('channel', 'Saluran', Object.entries(CHANNELS)),
      select('category', 'Kategori pemohon', Object.entries(REQUESTER_CATEGORIES)),
    ],
    countText: `${data.totalCapped ? `Lebih dari ${formatNumber(data.total)}` : formatNumber(data.total)} permohonan${query ? ' sesuai filter' : ''}.`,
    emptyText: refused
      ? 'Tidak ada permohonan yang ditampilkan: filter di atas tidak dapat dipakai.'
      : `Tidak ada permohonan${query ? ' yang sesuai dengan filter ini' : ' yang tercatat'}.`,
    // No export of a refused filter: the file would hold what the filter did not ask for.
    exports: refused ? null : {
      csv: exportLink('/requests/export.csv'),
      csvExcel: exportLink('/requests/export.csv', 'format=excel-id'),
      xlsx: exportLink('/requests/export.xlsx'),
    },
    pager: pages > 1
      ? {
          previous: data.page > 1 ? link(`page=${data.page - 1}`) : '',
          next: data.page < pages ? link(`page=${data.page + 1}`) : '',
          text: `Halaman ${data.page}${data.totalCapped ? '' : ` dari ${pages}`}`,
        }
      : null,
  };
}
export type RegisterPageView = ReturnType<typeof presentRegisterPage>;
