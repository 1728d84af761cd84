import React, { useId } from 'react';

import { Button, Field, IconButton, Input, Stack } from '@grafana/ui';

import { setItemField } from '../model/edits';
import { fieldMessages, Hinted } from './FieldMessages';
import { NumberField } from './NumberField';

interface Props {
  value: unknown;
  unit?: string;
  messages?: readonly string[];
  onChange: (milestones: unknown[]) => void;
}

/** Milestones as date + value rows; the pace line bends through them (src/okr/pace.ts). */
export function MilestonesField({ value, unit, messages, onChange }: Props) {
  if (value !== undefined && !Array.isArray(value)) {
    return (
      <Field label="Milestones" {...fieldMessages(['milestones is not a list; fix it in “Edit as JSON”'])}>
        <span />
      </Field>
    );
  }
  const milestones = value ?? [];
  return (
    <Field label="Milestones" {...fieldMessages(messages)}>
      <Hinted>
        <Stack direction="column" gap={0}>
          {milestones.map((milestone, index) => (
            <MilestoneRow
              key={index}
              index={index}
              milestone={milestone}
              unit={unit}
              onField={(key, v) => onChange(setItemField(milestones, index, key, v))}
              onRemove={() => onChange(milestones.filter((_, i) => i !== index))}
            />
          ))}
          <div>
            <Button
              size="sm"
              variant="secondary"
              icon="plus"
              onClick={() => onChange([...milestones, { at: '', value: 0 }])}
            >
              Add milestone
            </Button>
          </div>
        </Stack>
      </Hinted>
    </Field>
  );
}

interface RowProps {
  index: number;
  milestone: unknown;
  unit?: string;
  onField: (key: string, value: unknown) => void;
  onRemove: () => void;
}

function MilestoneRow({ index, milestone, unit, onField, onRemove }: RowProps) {
  const id = useId();
  const record = typeof milestone === 'object' && milestone !== null ? (milestone as Record<string, unknown>) : {};
  const at = typeof record.at === 'string' ? record.at : JSON.stringify(record.at ?? '');
  return (
    <Stack gap={1} alignItems="flex-end">
      <Field label={`Milestone ${index + 1} date`}>
        <Input
          id={id}
          value={at}
          placeholder="2026-08-15"
          onChange={(event) => onField('at', event.currentTarget.value)}
        />
      </Field>
      <NumberField
        label={`Milestone ${index + 1} value`}
        value={record.value}
        unit={unit}
        onChange={(v) => onField('value', v)}
      />
      <IconButton name="trash-alt" tooltip={`Remove milestone ${index + 1}`} onClick={onRemove} />
    </Stack>
  );
}
