import React, { useId } from 'react';

import { DataFrame, StandardEditorProps } from '@grafana/data';
import { Combobox, ComboboxOption } from '@grafana/ui';

import { isRecord } from '../okr';

export const CHECK_IN_QUERY_LABEL = 'Check-in query';

/**
 * The "Check-in query" option (`checkInQuery.refId`): a pick of the panel's query refIds, each described by
 * its columns so the check-in table is easy to spot, or any refId typed in (a query with no rows yet).
 * Clearing it removes the refId; keys of checkInQuery the editor does not know are carried through.
 */
export function CheckInQueryEditor({
  value,
  onChange,
  context,
}: Pick<StandardEditorProps<unknown>, 'value' | 'onChange' | 'context'>) {
  const saved = isRecord(value) ? value : {};
  const refId = typeof saved.refId === 'string' && saved.refId !== '' ? saved.refId : null;
  const options = refIdOptions(context.data ?? [], refId);
  const labelId = useId();
  return (
    <>
      {/* The options pane shows the option's name; this gives the box the same accessible name. */}
      <span id={labelId} hidden>
        {CHECK_IN_QUERY_LABEL}
      </span>
      <Combobox
        aria-labelledby={labelId}
        options={options}
        value={refId}
        createCustomValue
        customValueDescription="Use this refId"
        isClearable
        placeholder="None: no check-ins"
        onChange={(option) => onChange(withRefId(saved, option?.value ?? null))}
      />
    </>
  );
}

/** One option per refId in the data, described by its columns; the saved refId is kept even without data. */
export function refIdOptions(frames: DataFrame[], saved: string | null): Array<ComboboxOption<string>> {
  const columns = new Map<string, string[]>();
  for (const frame of frames) {
    if (frame.refId) {
      columns.set(frame.refId, [...(columns.get(frame.refId) ?? []), ...frame.fields.map((field) => field.name)]);
    }
  }
  if (saved !== null && !columns.has(saved)) {
    columns.set(saved, []);
  }
  return [...columns].map(([refId, names]) => ({
    label: refId,
    value: refId,
    description: names.length > 0 ? [...new Set(names)].join(', ') : 'not in the current data',
  }));
}

/** The saved object with a new refId, or without one; undefined when nothing else is in it. */
export function withRefId(saved: Record<string, unknown>, refId: string | null): Record<string, unknown> | undefined {
  const { refId: _previous, ...rest } = saved;
  if (refId !== null && refId.trim() !== '') {
    return { ...rest, refId };
  }
  return Object.keys(rest).length > 0 ? rest : undefined;
}
