-- PostgreSQL for `docker compose up`. kpi-sim fills `kpi` (the quarter so far, a row per KPI every 5 min,
-- then every minute live) and `incidents`; `okr_key_results` and `okr_check_ins` hold the company's OKRs
-- and the owners' check-ins, read by the "OKRs from PostgreSQL" dashboard (okrQuery refId OKRS,
-- checkInQuery refId CHECKINS).

-- KPIs as rows: business KPIs have service '' (mrr, signups_per_day, conversion_rate_pct, churn_pct, nps,
-- support_reply_minutes, deals_closed_per_day); ops KPIs one row per service (p95_latency_ms,
-- error_rate_pct, availability_pct, requests_per_second). kpi-sim creates the same table when missing.
CREATE TABLE kpi (
  time    timestamptz NOT NULL,
  name    text        NOT NULL,
  service text        NOT NULL DEFAULT '',
  value   double precision
);
CREATE INDEX kpi_name_time ON kpi (name, time);

-- Incidents, as an incident tool records them: kpi-sim adds a row when one of its scheduled incidents starts.
-- The dashboards show them as annotations (a region from started_at to ended_at), beside the breaches.
CREATE TABLE incidents (
  service    text        NOT NULL,
  kind       text        NOT NULL,            -- latency, errors, outage
  started_at timestamptz NOT NULL,
  ended_at   timestamptz NOT NULL,
  summary    text        NOT NULL,
  PRIMARY KEY (service, started_at)
);

-- Key results as rows (README "OKRs from data"): column names are the panel's, matched case-insensitively
-- with _ - and spaces ignored. `series` names a column of the KPI query (NULL: a manual key result, updated
-- by check-ins); `target` is text ('3', '+15%', '-20'); `position` only orders the rows.
CREATE TABLE okr_key_results (
  id          text PRIMARY KEY,
  objective   text NOT NULL,
  key_result  text NOT NULL,
  series      text,
  period      text,                     -- '2026-Q4', 'thisQuarter', … or '2026-10-01/2027-01-01'
  kind        text NOT NULL,            -- increase, decrease, stayAbove, stayBelow, stayWithin
  baseline    double precision,         -- NULL: the first value in the period
  target      text NOT NULL,
  target_max  text,                     -- stayWithin's upper bound
  reducer     text,                     -- a Grafana reducer id: lastNotNull (NULL), mean, max, sum, …
  weight      double precision,         -- NULL: 1
  owner       text,
  link        text,
  description text,
  position    int NOT NULL
);

INSERT INTO okr_key_results (id, objective, key_result, series, period, kind, baseline, target, target_max, reducer, weight, owner, link, description, position) VALUES
  ('kr-mrr',        'Grow revenue',       'MRR up 15% this quarter',               'mrr',                   'thisQuarter', 'increase',   NULL, '+15%', NULL,  NULL,   2, 'Ana',   NULL, 'Monthly recurring revenue, all plans', 1),
  ('kr-deals',      'Grow revenue',       'Close 14 deals a day on average',       'deals_closed_per_day',  'thisQuarter', 'increase',   12,   '14',   NULL,  'mean', 1, 'Ana',   NULL, NULL, 2),
  ('kr-conversion', 'Grow revenue',       'Trial conversion up to 4%',             'conversion_rate_pct',   'thisQuarter', 'increase',   NULL, '4',    NULL,  NULL,   1, 'Ben',   NULL, NULL, 3),
  ('kr-churn',      'Keep customers',     'Churn down to 3%',                      'churn_pct',             'thisQuarter', 'decrease',   NULL, '3',    NULL,  NULL,   1, 'Chen',  NULL, NULL, 4),
  ('kr-churn-band', 'Keep customers',     'Churn within 2–4.5% all quarter',       'churn_pct',             'thisQuarter', 'stayWithin', NULL, '2',    '4.5', NULL,   1, 'Chen',  NULL, NULL, 5),
  ('kr-nps',        'Keep customers',     'NPS to 40',                             'nps',                   'thisQuarter', 'increase',   NULL, '40',   NULL,  NULL,   1, 'Chen',  NULL, NULL, 6),
  ('kr-reply',      'Keep customers',     'First support reply under 45 minutes',  'support_reply_minutes', 'thisQuarter', 'stayBelow',  NULL, '45',   NULL,  NULL,   1, 'Dana',  NULL, NULL, 7),
  ('kr-partners',   'Expand the market',  'Sign 3 enterprise design partners',     NULL,                    'thisQuarter', 'increase',   0,    '3',    NULL,  NULL,   1, 'Eve',   NULL, 'Manual: updated by check-ins', 8),
  ('kr-eu-region',  'Expand the market',  'EU region: 5 of 5 launch milestones',   NULL,                    'thisQuarter', 'increase',   0,    '5',    NULL,  NULL,   1, 'Farid', NULL, 'Manual: updated by check-ins', 9);

-- Check-ins (README "Check-ins and manual key results"): the panel's query reads checked_at AS "time".
-- Seeded relative to the current quarter, and only those already in the past.
CREATE TABLE okr_check_ins (
  id         serial PRIMARY KEY,
  checked_at timestamptz NOT NULL DEFAULT now(),
  key_result text NOT NULL,             -- a key result's id (or its title)
  value      double precision,
  confidence real,                      -- 0–1
  note       text,
  author     text
);

INSERT INTO okr_check_ins (checked_at, key_result, value, confidence, note, author)
SELECT date_trunc('quarter', now()) + c.after, c.key_result, c.value, c.confidence, c.note, c.author
FROM (VALUES
  (interval '2 days',  'kr-partners',  0, 0.7, 'Shortlist of 8 prospects', 'Eve'),
  (interval '19 days', 'kr-partners',  1, 0.6, 'Northwind signed',         'Eve'),
  (interval '47 days', 'kr-partners',  2, 0.8, 'Contoso signed; a third in legal review', 'Eve'),
  (interval '75 days', 'kr-partners',  3, 0.9, 'Fabrikam signed',          'Eve'),
  (interval '3 days',  'kr-eu-region', 0, 0.8, 'Plan approved',            'Farid'),
  (interval '25 days', 'kr-eu-region', 2, 0.7, 'Data centre contract, network ready', 'Farid'),
  (interval '52 days', 'kr-eu-region', 3, 0.5, 'Compliance review slipped two weeks', 'Farid'),
  (interval '14 days', 'kr-mrr',       NULL, 0.6, 'Two large renewals moved to next month', 'Ana'),
  (interval '44 days', 'kr-mrr',       NULL, 0.7, 'Renewals closed', 'Ana')
) AS c (after, key_result, value, confidence, note, author)
WHERE date_trunc('quarter', now()) + c.after <= now();
