import React, { useId } from 'react';

import { Button, ColorPicker, Combobox, ComboboxOption, Field, StatsPicker, Stack, Switch } from '@grafana/ui';

import { formatKeyResultValue } from '../../display/format';
import { KeyResultModel, PeriodContext, SeriesCatalog } from '../../okr';
import { JsonRecord } from '../model/edits';
import { MessagesByField } from '../model/messages';
import { fieldMessages, Hinted } from './FieldMessages';
import { MilestonesField } from './MilestonesField';
import { NumberField } from './NumberField';
import { PeriodField } from './PeriodField';
import { SeriesField } from './SeriesField';
import { TargetStepsField } from './TargetStepsField';
import { TextField } from './TextField';

const KINDS: Array<ComboboxOption<string>> = [
  { value: 'increase', label: 'Increase', description: 'Grow from the baseline to the target by the period end' },
  { value: 'decrease', label: 'Decrease', description: 'Bring the value down from the baseline to the target' },
  { value: 'stayAbove', label: 'Stay above', description: 'Never fall below the target during the period' },
  { value: 'stayBelow', label: 'Stay below', description: 'Never rise above the target during the period' },
  { value: 'stayWithin', label: 'Stay within', description: 'Stay between the target and target max' },
];

export interface KeyResultFieldsProps {
  keyResult: JsonRecord;
  evaluated?: KeyResultModel;
  catalog: SeriesCatalog;
  periodContext: PeriodContext;
  messages: MessagesByField;
  /** undefined removes the key. */
  onField: (key: string, value: unknown) => void;
}

/** Every field of one key result, each showing the core's messages about it. */
export function KeyResultFields({
  keyResult,
  evaluated,
  catalog,
  periodContext,
  messages,
  onField,
}: KeyResultFieldsProps) {
  const kindId = useId();
  const calculationId = useId();
  const eachId = useId();
  const unit = evaluated?.field?.config.unit;
  const kind = KINDS.find((option) => option.value === keyResult.kind);
  const overTime = keyResult.targetSeries !== undefined || keyResult.targets !== undefined;
  return (
    <Stack direction="column" gap={0}>
      <TextField label="Key result title" value={keyResult.title} onChange={(v) => onField('title', v)} />
      <SeriesField
        value={keyResult.series}
        exclude={evaluated?.targetSeriesNames}
        catalog={catalog}
        messages={messages.series}
        each={keyResult.each === true}
        onChange={(v) => onField('series', v)}
      />
      <Field label="One key result per matching series" htmlFor={eachId} {...fieldMessages(messages.each)}>
        <Hinted hint="Titles may use ${__series.name} and ${__field.labels.<label>}">
          <Switch
            id={eachId}
            value={keyResult.each === true}
            onChange={(event) => onField('each', event.currentTarget.checked ? true : undefined)}
          />
        </Hinted>
      </Field>
      <Field label="Kind" htmlFor={kindId} {...fieldMessages(messages.kind)}>
        <Hinted hint={kind?.description}>
          <Combobox
            id={kindId}
            options={KINDS}
            value={kind ? kind.value : null}
            onChange={(o) => onField('kind', o.value)}
          />
        </Hinted>
      </Field>
      <PeriodField
        value={keyResult.period}
        context={periodContext}
        messages={messages.period}
        onChange={(v) => onField('period', v)}
      />
      <NumberField
        label="Baseline"
        value={keyResult.baseline}
        unit={unit}
        placeholder={
          evaluated?.baseline != null
            ? `automatic: ${formatKeyResultValue(evaluated, evaluated.baseline)}`
            : 'automatic'
        }
        description="Empty: the first value in the period (0 when cumulative)"
        messages={messages.baseline}
        onChange={(v) => onField('baseline', v)}
      />
      <NumberField
        label="Target"
        value={keyResult.target}
        unit={unit}
        relative
        placeholder={overTime ? 'set over time below' : undefined}
        description={resolvedHint(keyResult.target, evaluated, evaluated?.target)}
        messages={messages.target}
        onChange={(v) => onField('target', v)}
      />
      {keyResult.kind === 'stayWithin' && (
        <NumberField
          label="Target max"
          value={keyResult.targetMax}
          unit={unit}
          relative
          description={resolvedHint(keyResult.targetMax, evaluated, evaluated?.targetMax)}
          messages={messages.targetMax}
          onChange={(v) => onField('targetMax', v)}
        />
      )}
      {/* Targets that change over time (src/okr/targetSteps.ts). */}
      <SeriesField
        label="Target series"
        clearable
        placeholder="None: the target above"
        value={keyResult.targetSeries}
        catalog={catalog}
        messages={messages.targetSeries}
        onChange={(v) => onField('targetSeries', v)}
      />
      {keyResult.kind === 'stayWithin' && (
        <SeriesField
          label="Target max series"
          clearable
          placeholder="None: the target max above"
          value={keyResult.targetMaxSeries}
          catalog={catalog}
          messages={messages.targetMaxSeries}
          onChange={(v) => onField('targetMaxSeries', v)}
        />
      )}
      <TargetStepsField
        value={keyResult.targets}
        unit={unit}
        newValue={evaluated?.target ?? keyResult.target}
        messages={messages.targets}
        onChange={(v) => onField('targets', v)}
      />
      <Field label="Calculation" htmlFor={calculationId} {...fieldMessages(messages.reducer)}>
        <Hinted hint="How the current value is taken; Total makes it cumulative">
          <StatsPicker
            inputId={calculationId}
            stats={typeof keyResult.reducer === 'string' ? [keyResult.reducer] : []}
            defaultStat="lastNotNull"
            onChange={(stats) => onField('reducer', stats[0])}
          />
        </Hinted>
      </Field>
      <NumberField
        label="Weight"
        value={keyResult.weight}
        placeholder="1"
        messages={messages.weight}
        onChange={(v) => onField('weight', v)}
      />
      <MilestonesField
        value={keyResult.milestones}
        unit={unit}
        messages={messages.milestones}
        onChange={(v) => onField('milestones', v)}
      />
      <TextField label="Owner" value={keyResult.owner} onChange={(v) => onField('owner', v)} />
      <TextField label="Link" value={keyResult.link} onChange={(v) => onField('link', v)} />
      <TextField label="Description" value={keyResult.description} onChange={(v) => onField('description', v)} />
      <Field label="Colour">
        <Hinted>
          <Stack gap={1} alignItems="center">
            <ColorPicker
              color={typeof keyResult.color === 'string' ? keyResult.color : 'text'}
              onChange={(color) => onField('color', color)}
            />
            {typeof keyResult.color === 'string' && (
              <Button size="sm" variant="secondary" fill="text" onClick={() => onField('color', undefined)}>
                Use the series colour
              </Button>
            )}
          </Stack>
        </Hinted>
      </Field>
    </Stack>
  );
}

/** "= $110" under a relative target or a variable, in the series' unit, so "+10%" is never a guess. */
function resolvedHint(saved: unknown, evaluated: KeyResultModel | undefined, resolved: number | null | undefined) {
  if (typeof saved !== 'string' || !evaluated || resolved === null || resolved === undefined) {
    return undefined;
  }
  return `= ${formatKeyResultValue(evaluated, resolved)}`;
}
