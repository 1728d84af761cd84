import React, { useId } from 'react';

import { dateTimeFormat } from '@grafana/data';
import { Combobox, ComboboxOption, Field, Input, Stack } from '@grafana/ui';

import { PeriodContext, resolvePeriod } from '../../okr';
import { periodText } from '../model/periodText';
import { fieldMessages, Hinted } from './FieldMessages';

const CUSTOM = 'custom range';

const PRESETS: Array<ComboboxOption<string>> = [
  { value: 'thisQuarter', label: 'This quarter' },
  { value: 'lastQuarter', label: 'Last quarter' },
  { value: 'nextQuarter', label: 'Next quarter' },
  { value: 'thisHalf', label: 'This half' },
  { value: 'thisYear', label: 'This year' },
  { value: 'thisMonth', label: 'This month' },
  { value: CUSTOM, label: 'Custom range…', description: 'from and to dates; to is exclusive' },
];

interface Props {
  value: unknown;
  context: PeriodContext;
  onChange: (period: unknown) => void;
  messages?: readonly string[];
}

/**
 * A preset, a named period typed as it is saved ("2026-Q3", "2026-H1", "2026", "2026-08"), or a custom
 * range; always with the dates it resolves to, so a fiscal-year change shows here and is never silent.
 */
export function PeriodField({ value, context, onChange, messages }: Props) {
  const id = useId();
  const resolved = resolvePeriod(value, context);
  const dates = resolved.ok ? periodText(resolved.period, context.timeZone) : undefined;
  const range = isRange(value) ? value : null;
  const unresolved = !resolved.ok && !messages?.includes(resolved.message) ? [resolved.message] : [];
  return (
    <>
      <Field label="Period" htmlFor={id} {...fieldMessages([...unresolved, ...(messages ?? [])])}>
        <Hinted hint={dates}>
          <Combobox
            id={id}
            options={PRESETS}
            value={range ? CUSTOM : typeof value === 'string' ? value : null}
            createCustomValue
            customValueDescription="2026-Q3, 2026-H1, 2026 or 2026-08"
            placeholder="This quarter, 2026-Q3, …"
            onChange={(option) =>
              onChange(option.value === CUSTOM ? customFrom(resolved, context.timeZone) : option.value)
            }
          />
        </Hinted>
      </Field>
      {range && (
        <Stack gap={1}>
          <RangeEnd label="From" value={range.from} onChange={(from) => onChange({ ...range, from })} />
          <RangeEnd label="To (exclusive)" value={range.to} onChange={(to) => onChange({ ...range, to })} />
        </Stack>
      )}
    </>
  );
}

function RangeEnd(props: { label: string; value: unknown; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <Field label={props.label}>
      <Input
        id={id}
        value={typeof props.value === 'string' ? props.value : JSON.stringify(props.value ?? '')}
        placeholder="2026-07-01"
        onChange={(event) => props.onChange(event.currentTarget.value)}
      />
    </Field>
  );
}

function isRange(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A custom range starts as the period it replaces, so switching to it changes nothing until edited. */
function customFrom(resolved: ReturnType<typeof resolvePeriod>, timeZone: string): { from: string; to: string } {
  if (!resolved.ok) {
    return { from: '', to: '' };
  }
  const day = (time: number) => dateTimeFormat(time, { format: 'YYYY-MM-DD', timeZone });
  return { from: day(resolved.period.start), to: day(resolved.period.end) };
}
