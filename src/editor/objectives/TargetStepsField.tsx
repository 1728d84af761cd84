import React, { useId } from 'react';

import { Button, Field, IconButton, Input, Stack } from '@grafana/ui';

import { setItemField } from '../model/edits';
import { fieldMessages, Hinted } from './FieldMessages';
import { NumberField } from './NumberField';

interface Props {
  value: unknown;
  unit?: string;
  /** What a new step starts at: the key result's target as it stands, when it is one. */
  newValue: unknown;
  messages?: readonly string[];
  /** undefined removes `targets` (the last step was removed): the key result's target is one number again. */
  onChange: (targets: unknown[] | undefined) => void;
}

/**
 * Inline target steps (`targets`): date + value rows, each value in force from its date until the next
 * (src/okr/targetSteps.ts). Steps that are not objects are kept as they are and shown as such.
 */
export function TargetStepsField({ value, unit, newValue, messages, onChange }: Props) {
  if (value !== undefined && value !== null && !Array.isArray(value)) {
    return (
      <Field label="Targets over time" {...fieldMessages(['targets is not a list; fix it in “Edit as JSON”'])}>
        <span />
      </Field>
    );
  }
  return (
    <Field label="Targets over time" {...fieldMessages(messages)}>
      <Hinted hint="Each value holds from its date until the next (dates in the dashboard's time zone); replaces Target">
        <StepList steps={value ?? []} unit={unit} newValue={newValue} onChange={onChange} />
      </Hinted>
    </Field>
  );
}

/** The rows and the add button; a component of its own so the Field's `invalid` stops here, not on a div. */
function StepList({ steps, unit, newValue, onChange }: Omit<Props, 'value' | 'messages'> & { steps: unknown[] }) {
  return (
    <Stack direction="column" gap={0}>
      {steps.map((step, index) => (
        <StepRow
          key={index}
          index={index}
          step={step}
          unit={unit}
          onField={(key, v) => onChange(setItemField(steps, index, key, v))}
          onRemove={() => {
            const rest = steps.filter((_, i) => i !== index);
            onChange(rest.length > 0 ? rest : undefined);
          }}
        />
      ))}
      <div>
        <Button
          size="sm"
          variant="secondary"
          icon="plus"
          onClick={() => onChange([...steps, { from: '', value: typeof newValue === 'number' ? newValue : 0 }])}
        >
          Add target step
        </Button>
      </div>
    </Stack>
  );
}

interface RowProps {
  index: number;
  step: unknown;
  unit?: string;
  onField: (key: string, value: unknown) => void;
  onRemove: () => void;
}

function StepRow({ index, step, unit, onField, onRemove }: RowProps) {
  const id = useId();
  const record = typeof step === 'object' && step !== null ? (step as Record<string, unknown>) : {};
  const from = typeof record.from === 'string' ? record.from : JSON.stringify(record.from ?? '');
  return (
    <Stack gap={1} alignItems="flex-end">
      <Field label={`Target step ${index + 1} from`}>
        <Input
          id={id}
          value={from}
          placeholder="2026-08-01"
          onChange={(event) => onField('from', event.currentTarget.value)}
        />
      </Field>
      <NumberField
        label={`Target step ${index + 1} value`}
        value={record.value}
        unit={unit}
        relative
        onChange={(v) => onField('value', v)}
      />
      <IconButton name="trash-alt" tooltip={`Remove target step ${index + 1}`} onClick={onRemove} />
    </Stack>
  );
}
