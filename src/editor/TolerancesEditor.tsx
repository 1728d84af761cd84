import React, { useId, useState } from 'react';

import { StandardEditorProps } from '@grafana/data';
import { Field, Input } from '@grafana/ui';

import { isRecord } from '../okr';
import { DEFAULT_TOLERANCES } from '../types';
import { fieldMessages } from './objectives/FieldMessages';
import { formatPoints, readTolerances, ToleranceKey, ToleranceTexts } from './model/tolerancesInput';

const LABELS: Record<ToleranceKey, string> = {
  atRisk: 'At risk when behind pace by (pp)',
  offTrack: 'Off track when behind pace by (pp)',
};

/**
 * The "Status tolerances" option: percentage points in the boxes, fractions in the saved options. A pair
 * that does not read (not a number, below 0, out of order) stays in the boxes with its message and is not
 * saved, so the panel keeps the last good tolerances while the analyst finishes typing.
 */
export function TolerancesEditor({ value, onChange }: Pick<StandardEditorProps<unknown>, 'value' | 'onChange'>) {
  const saved = isRecord(value) ? value : {};
  const [drafts, setDrafts] = useState<Partial<ToleranceTexts>>({});
  const [lastEdited, setLastEdited] = useState<ToleranceKey>('atRisk');
  const texts: ToleranceTexts = {
    atRisk: drafts.atRisk ?? formatPoints(saved.atRisk ?? DEFAULT_TOLERANCES.atRisk),
    offTrack: drafts.offTrack ?? formatPoints(saved.offTrack ?? DEFAULT_TOLERANCES.offTrack),
  };
  const reading = readTolerances(texts);
  const messagesFor = (key: ToleranceKey): string[] => {
    if (reading.ok) {
      return [];
    }
    const own = reading.messages[key];
    const order = key === lastEdited ? reading.messages.order : undefined;
    return [own, order].filter((message): message is string => message !== undefined);
  };

  const edit = (key: ToleranceKey, text: string) => {
    setDrafts({ ...drafts, [key]: text });
    setLastEdited(key);
    const next = readTolerances({ ...texts, [key]: text });
    if (next.ok) {
      // Keys the editor does not know (from a newer version) are carried through unchanged.
      onChange({ ...saved, ...next.value });
    }
  };

  return (
    <div>
      {(['atRisk', 'offTrack'] as const).map((key) => (
        <ToleranceBox
          key={key}
          label={LABELS[key]}
          text={texts[key]}
          messages={messagesFor(key)}
          onChange={(text) => edit(key, text)}
          // Once the pair is saved the boxes follow the saved value again; an invalid draft stays visible.
          onBlur={() => reading.ok && setDrafts({})}
        />
      ))}
    </div>
  );
}

interface BoxProps {
  label: string;
  text: string;
  messages: string[];
  onChange: (text: string) => void;
  onBlur: () => void;
}

function ToleranceBox({ label, text, messages, onChange, onBlur }: BoxProps) {
  const id = useId();
  return (
    <Field label={label} htmlFor={id} {...fieldMessages(messages)}>
      <Input
        id={id}
        value={text}
        inputMode="decimal"
        suffix="pp"
        onChange={(event) => onChange(event.currentTarget.value)}
        onBlur={onBlur}
      />
    </Field>
  );
}
