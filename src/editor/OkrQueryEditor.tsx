import React, { useId, useMemo } from 'react';

import { StandardEditorProps } from '@grafana/data';
import { Combobox, Field } from '@grafana/ui';

import { okrQueryRefId, readOkrQuery } from '../okr';
import { chooseRefId, NO_QUERY, refIdChoices } from './model/refIdInput';
import { Hinted } from './objectives/FieldMessages';

/**
 * The "Key results from a query" option (`okrQuery.refId`): a pick of the refIds in the panel's data, or
 * one typed by hand. Under it, what the core read from that query's table: how many key results, or why
 * none (no such refId, unknown columns, a row cap).
 */
export function OkrQueryEditor({
  value,
  onChange,
  context,
}: Pick<StandardEditorProps<unknown>, 'value' | 'onChange' | 'context'>) {
  const id = useId();
  const frames = useMemo(() => context.data ?? [], [context.data]);
  const { refId } = okrQueryRefId(value);
  const options = useMemo(() => refIdChoices(frames, refId), [frames, refId]);
  const read = useMemo(() => readOkrQuery({ okrQuery: value, frames, objectives: [] }), [value, frames]);
  const count = read.query?.keyResults ?? 0;
  const summary =
    read.query && count > 0
      ? [`${count} ${count === 1 ? 'row' : 'rows'} of query ${read.query.refId} read as key results`]
      : [];
  // Notices (a column not read, no such refId) beside the pick, not as an error: the panel still works.
  const lines = [...summary, ...read.messages];
  const hint =
    lines.length > 0 ? (
      <>
        {lines.map((line) => (
          <div key={line}>{line}</div>
        ))}
      </>
    ) : undefined;
  return (
    <Field label="OKR table query (refId)" htmlFor={id}>
      <Hinted hint={hint}>
        <Combobox
          id={id}
          options={options}
          value={refId ?? NO_QUERY}
          createCustomValue
          customValueDescription="Use this refId"
          onChange={(option) => onChange(chooseRefId(value, option.value))}
        />
      </Hinted>
    </Field>
  );
}
