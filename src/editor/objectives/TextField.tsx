import React, { useId } from 'react';

import { Field, Input } from '@grafana/ui';

/**
 * A text option. A saved value that is not text (a number where a title belongs) is shown as JSON and
 * stays as it is until the analyst types here.
 */
export function TextField(props: { label: string; value: unknown; onChange: (value: string | undefined) => void }) {
  const id = useId();
  const { label, value, onChange } = props;
  const shown = typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
  return (
    <Field label={label}>
      <Input id={id} value={shown} onChange={(event) => onChange(event.currentTarget.value || undefined)} />
    </Field>
  );
}
