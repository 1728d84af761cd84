import React from 'react';

import {
  dataLinksOverrideProcessor,
  displayNameOverrideProcessor,
  FieldColorModeId,
  FieldConfigProperty,
  FieldType,
  identityOverrideProcessor,
  numberOverrideProcessor,
  standardEditorsRegistry,
  StandardEditorProps,
  standardFieldConfigEditorRegistry,
  stringOverrideProcessor,
  thresholdsOverrideProcessor,
  ThresholdsMode,
  valueMappingsOverrideProcessor,
} from '@grafana/data';
import { ColorPicker, Input, RadioButtonGroup, Select, Switch } from '@grafana/ui';

/*
 * Grafana fills these registries in its own app (public/app/core/components/OptionsUI); a plugin only looks
 * them up. The sandbox fills them with editors made of @grafana/ui parts and with the standard field config
 * properties, so plugin.defaults, the options editor and applyFieldOverrides behave as they do in Grafana.
 */

type Editor = React.ComponentType<StandardEditorProps<any, any>>;

const TextEditor: Editor = ({ value, onChange }) => (
  <Input value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value)} />
);

const NumberEditor: Editor = ({ value, onChange, item }) => (
  <Input
    type="number"
    defaultValue={value ?? ''}
    min={item.settings?.min}
    max={item.settings?.max}
    step={item.settings?.step ?? 'any'}
    onBlur={(e) => {
      const text = e.currentTarget.value;
      onChange(text === '' ? undefined : Number(text));
    }}
  />
);

const SelectEditor: Editor = ({ value, onChange, item }) => (
  <Select options={item.settings?.options ?? []} value={value} onChange={(option) => onChange(option?.value)} />
);

const RadioEditor: Editor = ({ value, onChange, item }) => (
  <RadioButtonGroup options={item.settings?.options ?? []} value={value} onChange={onChange} />
);

const BooleanEditor: Editor = ({ value, onChange }) => (
  <Switch value={Boolean(value)} onChange={(e) => onChange(e.currentTarget.checked)} />
);

const ColorEditor: Editor = ({ value, onChange }) => <ColorPicker color={value ?? 'green'} onChange={onChange} />;

const JsonEditor: Editor = ({ value }) => <pre>{JSON.stringify(value)}</pre>;

const panelEditors: Array<[string, Editor]> = [
  ['text', TextEditor],
  ['number', NumberEditor],
  ['slider', NumberEditor],
  ['select', SelectEditor],
  ['multi-select', SelectEditor],
  ['radio', RadioEditor],
  ['boolean', BooleanEditor],
  ['color', ColorEditor],
  ['unit', TextEditor],
  ['strings', JsonEditor],
  ['timezone', TextEditor],
  ['field-name', TextEditor],
];

const isNumber = (field: { type: FieldType }) => field.type === FieldType.number;
const always = () => true;

export function registerStandardEditors() {
  standardEditorsRegistry.setInit(() =>
    panelEditors.map(([id, editor]) => ({ id, name: id, description: '', editor }))
  );
  standardFieldConfigEditorRegistry.setInit(() => [
    fieldProperty(FieldConfigProperty.DisplayName, displayNameOverrideProcessor, always, TextEditor),
    fieldProperty(FieldConfigProperty.Unit, stringOverrideProcessor, isNumber, TextEditor),
    fieldProperty(FieldConfigProperty.Min, numberOverrideProcessor, isNumber, NumberEditor),
    fieldProperty(FieldConfigProperty.Max, numberOverrideProcessor, isNumber, NumberEditor),
    fieldProperty(FieldConfigProperty.Decimals, numberOverrideProcessor, isNumber, NumberEditor),
    fieldProperty(FieldConfigProperty.NoValue, stringOverrideProcessor, always, TextEditor),
    fieldProperty(FieldConfigProperty.Links, dataLinksOverrideProcessor, always, JsonEditor, []),
    fieldProperty(FieldConfigProperty.Mappings, valueMappingsOverrideProcessor, always, JsonEditor, []),
    fieldProperty(FieldConfigProperty.Thresholds, thresholdsOverrideProcessor, isNumber, JsonEditor, {
      mode: ThresholdsMode.Absolute,
      steps: [
        { value: -Infinity, color: 'green' },
        { value: 80, color: 'red' },
      ],
    }),
    fieldProperty(FieldConfigProperty.Color, identityOverrideProcessor, always, JsonEditor, {
      mode: FieldColorModeId.Thresholds,
    }),
  ]);
}

function fieldProperty(
  id: string,
  process: (value: any, context: any, settings?: any) => unknown,
  shouldApply: (field: { type: FieldType }) => boolean,
  editor: Editor,
  defaultValue?: unknown
) {
  return { id, path: id, name: id, editor, override: editor, process, shouldApply, defaultValue, settings: {} };
}
