import React, { useId, useMemo } from 'react';

import { StandardEditorProps } from '@grafana/data';
import { Combobox } from '@grafana/ui';

import { isRecord } from '../okr';
import { chooseRefId, NO_QUERY, refIdChoices } from './model/refIdInput';

export const CHECK_IN_QUERY_LABEL = 'Check-in query';

/**
 * The "Check-in query" option (`checkInQuery.refId`): a pick of the panel's query refIds, each described by
 * its rows and columns so the check-in table is easy to spot, or any refId typed in (a query with no rows
 * yet). None removes the refId; keys of checkInQuery the editor does not know are carried through.
 */
export function CheckInQueryEditor({
  value,
  onChange,
  context,
}: Pick<StandardEditorProps<unknown>, 'value' | 'onChange' | 'context'>) {
  const saved = isRecord(value) ? value : {};
  const refId = typeof saved.refId === 'string' && saved.refId !== '' ? saved.refId : null;
  const options = useMemo(() => refIdChoices(context.data ?? [], refId, 'No check-ins'), [context.data, refId]);
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
        value={refId ?? NO_QUERY}
        createCustomValue
        customValueDescription="Use this refId"
        onChange={(option) => onChange(chooseRefId(saved, option.value))}
      />
    </>
  );
}
