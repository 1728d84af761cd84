/**
 * Grafana's PostgreSQL macros, expanded as its SQL datasource expands them, for a fixed range, so the
 * provisioned queries can run in psql. Covers the macros our dashboards use:
 *
 *   $__timeFilter(time)            time BETWEEN '2026-11-26T00:00:00Z' AND '2026-11-29T00:00:00Z'
 *   $__timeFrom() / $__timeTo()    '2026-11-26T00:00:00Z' / '2026-11-29T00:00:00Z'
 *   $__timeGroup(time, 1h)         floor(extract(epoch from time)/3600)*3600
 *   $__timeGroupAlias(time, 1h)    floor(extract(epoch from time)/3600)*3600 AS "time"
 *   $__interval, $__interval_ms    the panel's interval ('10m', 600000)
 *
 * Any other macro left in the text is an error, so a new one cannot slip through unexpanded.
 */
export interface SqlRange {
  from: Date;
  to: Date;
  interval: string;
  intervalMs: number;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

export function intervalSeconds(text: string): number {
  const match = /^\s*'?(\d+)([smhdw])'?\s*$/.exec(text);
  if (!match) {
    throw new Error(`interval '${text}' is not like 30s, 10m, 1h`);
  }
  return Number(match[1]) * UNIT_SECONDS[match[2]];
}

const iso = (date: Date) => `'${date.toISOString().replace('.000Z', 'Z')}'`;

export function expandSqlMacros(sql: string, range: SqlRange): string {
  const expanded = sql
    .replace(/\$__interval_ms\b/g, String(range.intervalMs))
    .replace(/\$__interval\b/g, range.interval)
    .replace(
      /\$__timeFilter\(([^)]+)\)/g,
      (_m, column: string) => `${column.trim()} BETWEEN ${iso(range.from)} AND ${iso(range.to)}`
    )
    .replace(/\$__timeFrom\(\)/g, iso(range.from))
    .replace(/\$__timeTo\(\)/g, iso(range.to))
    .replace(
      /\$__timeGroup(Alias)?\(([^,]+),([^)]+)\)/g,
      (_m, alias: string | undefined, column: string, interval: string) => {
        const seconds = intervalSeconds(interval);
        const group = `floor(extract(epoch from ${column.trim()})/${seconds})*${seconds}`;
        return alias ? `${group} AS "time"` : group;
      }
    );
  const left = /\$__\w+/.exec(expanded);
  if (left) {
    throw new Error(`macro ${left[0]} is not expanded by tests/stack/sqlMacros.ts`);
  }
  return expanded;
}
