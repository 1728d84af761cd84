import React from 'react';

import { StandardEditorProps } from '@grafana/data';

import { ObjectivesForm } from './objectives/ObjectivesForm';

/** The "Objectives and key results" option: forms built from the panel's current data, or JSON. */
export function ObjectivesEditor({ value, onChange, context }: StandardEditorProps<unknown>) {
  return (
    <ObjectivesForm
      value={value}
      onChange={onChange}
      options={context.options}
      frames={context.data}
      replaceVariables={context.replaceVariables}
    />
  );
}
