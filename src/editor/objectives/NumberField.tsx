import React, { useId, useState } from 'react';

import { Field, Input } from '@grafana/ui';

import { formatNumberInput, NumberInputOptions, parseNumberInput } from '../model/numberInput';
import { fieldMessages, Hinted } from './FieldMessages';

interface Props extends NumberInputOptions {
  label: string;
  value: unknown;
  /** undefined: the box was emptied. */
  onChange: (value: number | string | undefined) => void;
  description?: string;
  placeholder?: string;
  messages?: readonly string[];
}

/**
 * A number box that keeps what the analyst is typing ("2." on the way to "2.2M") while saving what it
 * means on every keystroke; it follows the saved value again once the box loses focus.
 */
export function NumberField({ label, value, onChange, description, placeholder, messages, ...options }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const parsed = draft === null ? null : parseNumberInput(draft, options);
  const flagged = parsed?.kind === 'text' ? parsed.message : undefined;
  // While typing, the editor's own reading of the text is more specific than the core's message about it.
  const shown = flagged ? [flagged] : (messages ?? []);
  return (
    <Field label={label} htmlFor={id} {...fieldMessages(shown)}>
      <Hinted hint={description}>
        <Input
          id={id}
          value={draft ?? formatNumberInput(value)}
          placeholder={placeholder}
          onChange={(event) => {
            const text = event.currentTarget.value;
            const next = parseNumberInput(text, options);
            setDraft(text);
            onChange(next.kind === 'empty' ? undefined : next.value);
          }}
          onBlur={() => setDraft(null)}
        />
      </Hinted>
    </Field>
  );
}
