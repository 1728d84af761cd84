-- Hourly business KPIs for the current quarter up to now, for the PostgreSQL example panel.
CREATE TABLE kpi (
  time  timestamptz NOT NULL,
  name  text        NOT NULL,
  value double precision
);

INSERT INTO kpi (time, name, value)
SELECT t, 'mrr', 1500000 + 4800 * extract(epoch FROM t - date_trunc('quarter', now())) / 86400 + 20000 * sin(extract(epoch FROM t) / 500000)
FROM generate_series(date_trunc('quarter', now()), now(), interval '1 hour') AS t;

INSERT INTO kpi (time, name, value)
SELECT t, 'churn_pct', greatest(0, 4.2 - 0.01 * extract(epoch FROM t - date_trunc('quarter', now())) / 86400 + 0.2 * sin(extract(epoch FROM t) / 300000))
FROM generate_series(date_trunc('quarter', now()), now(), interval '1 hour') AS t;

CREATE INDEX kpi_time ON kpi (time);

-- Key results as rows, for the "OKRs from a table" panel (okrQuery: refId OKRS). Column names are the
-- panel's (case-insensitive, snake_case or camelCase); a column it does not know is reported and ignored.
CREATE TABLE okrs (
  objective   text NOT NULL,
  key_result  text NOT NULL,
  series      text NOT NULL,            -- a KPI series' display name, or /regex/
  period      text,                     -- '2026-Q3', 'thisQuarter', …; NULL: period_from / period_to
  period_from date,
  period_to   date,                     -- exclusive
  kind        text NOT NULL,            -- increase, decrease, stayAbove, stayBelow, stayWithin
  baseline    double precision,         -- NULL: the first value in the period
  target      text NOT NULL,            -- '2000000', '+15%' / '-10%' of the baseline, '+50' / '-20' from it, '=-20'
  target_max  double precision,         -- stayWithin's upper bound
  calculation text,                     -- a Grafana reducer id: lastNotNull (NULL), mean, max, sum, …
  weight      double precision,         -- NULL: 1
  owner       text,
  link        text,
  description text,
  id          text PRIMARY KEY,
  position    int NOT NULL
);

INSERT INTO okrs (objective, key_result, series, period, period_from, period_to, kind, baseline, target, target_max, calculation, weight, owner, link, description, id, position) VALUES
  ('Grow revenue', 'MRR up 15% this quarter', 'mrr', 'thisQuarter', NULL, NULL, 'increase', NULL, '+15%', NULL, NULL, 2, 'Ana', NULL, 'Monthly recurring revenue, all plans', 'kr-mrr', 1),
  ('Grow revenue', 'Average MRR above $1.55M', 'mrr', 'thisQuarter', NULL, NULL, 'increase', 1500000, '1550000', NULL, 'mean', 1, 'Ana', NULL, NULL, 'kr-mrr-mean', 2),
  ('Keep customers', 'Churn down to 3%', 'churn_pct', 'thisQuarter', NULL, NULL, 'decrease', NULL, '3', NULL, NULL, 1, 'Chen', NULL, NULL, 'kr-churn', 3),
  ('Keep customers', 'Churn never above 4.5%', 'churn_pct', 'thisQuarter', NULL, NULL, 'stayBelow', NULL, '4.5', NULL, NULL, 1, 'Chen', NULL, NULL, 'kr-churn-cap', 4),
  ('Keep customers', 'Churn within 2–4.5% in the first 30 days', 'churn_pct', NULL, date_trunc('quarter', now())::date, (date_trunc('quarter', now()) + interval '30 days')::date, 'stayWithin', NULL, '2', 4.5, NULL, 1, 'Chen', NULL, NULL, 'kr-churn-band', 5);
