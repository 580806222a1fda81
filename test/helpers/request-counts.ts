import type { Db } from '../../src/db/client.js';

/** The counts table (empty combinations left out) and the same grouping counted from requests. */
export function countsAndTruth(db: Db) {
  const truth = db.$client.prepare(`
    select cast(substr(received_on, 1, 4) as integer) as year, cast(substr(received_on, 6, 2) as integer) as month, channel,
      requester_category as category, coalesce(outcome, '') as outcome, extended_on is not null as extended,
      opened_at is not null as opened, withdrawn <> 0 as withdrawn, voided_on is not null as voided, count(*) as n
    from requests group by 1, 2, 3, 4, 5, 6, 7, 8, 9 order by 1, 2, 3, 4, 5, 6, 7, 8, 9`).all();
  const counts = db.$client.prepare(`
    select year, month, channel, category, outcome, extended, opened, withdrawn, voided, n from request_counts
    where n <> 0 order by 1, 2, 3, 4, 5, 6, 7, 8, 9`).all();
  return { counts, truth };
}
