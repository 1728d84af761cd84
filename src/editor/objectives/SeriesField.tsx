import React, { useId, useMemo } from 'react';

import { Combobox, ComboboxOption, Field } from '@grafana/ui';

import { listNames, matchAllSeries, matchSeries, SeriesCatalog } from '../../okr';
import { fieldMessages, Hinted } from './FieldMessages';

interface Props {
  value: unknown;
  catalog: SeriesCatalog;
  /** undefined: cleared (only when `clearable`). */
  onChange: (series: string | undefined) => void;
  messages?: readonly string[];
  /** One key result per matching series: the hint lists them all. */
  each?: boolean;
  /** The field's label and accessible name; "Series" unless said. */
  label?: string;
  /** An optional series (a target series): an ✕ clears it, which removes the option. */
  clearable?: boolean;
  placeholder?: string;
  /** Series not to offer: the key result's target series are not offered as its KPI. */
  exclude?: readonly string[];
}

/** The panel's number series by display name and unit; any other name or a /regex/ can be typed. */
export function SeriesField({
  value,
  catalog,
  onChange,
  messages,
  each = false,
  label = 'Series',
  clearable,
  placeholder,
  exclude,
}: Props) {
  const id = useId();
  const options = useMemo<Array<ComboboxOption<string>>>(
    () =>
      catalog.candidates
        .filter((candidate) => !exclude?.includes(candidate.displayName))
        .map((candidate) => ({
          value: candidate.displayName,
          label: candidate.displayName,
          description: candidate.field.config.unit ? `unit: ${candidate.field.config.unit}` : undefined,
        })),
    [catalog, exclude]
  );
  const series = typeof value === 'string' ? value : '';
  const common = {
    id,
    options,
    value: series || null,
    createCustomValue: true,
    customValueDescription: 'Use this name or /regex/',
    placeholder: placeholder ?? 'Pick a series or type /regex/',
  };
  return (
    <Field label={label} htmlFor={id} {...fieldMessages(messages)}>
      <Hinted hint={each ? eachHint(catalog, series) : matchHint(catalog, series)}>
        {clearable ? (
          <Combobox {...common} isClearable onChange={(option) => onChange(option?.value || undefined)} />
        ) : (
          <Combobox {...common} onChange={(option) => onChange(option.value)} />
        )}
      </Hinted>
    </Field>
  );
}

/** "matches: mrr" as the analyst types, so a regex is checked before the panel shows it. */
function matchHint(catalog: SeriesCatalog, series: string): string | undefined {
  if (series === '') {
    return undefined;
  }
  const match = matchSeries(catalog, series);
  return match.ok ? `matches: ${match.candidate.displayName}` : undefined;
}

/** "one key result each: api, checkout, search" for a key result with `each`. */
function eachHint(catalog: SeriesCatalog, series: string): string | undefined {
  const found = series === '' ? null : matchAllSeries(catalog, series);
  if (!found?.ok || found.matches.length === 0) {
    return undefined;
  }
  const names = listNames(found.matches.map((candidate) => candidate.displayName));
  return `one key result each (${found.matches.length}): ${names}`;
}
