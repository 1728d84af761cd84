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
