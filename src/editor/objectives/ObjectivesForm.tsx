import React, { useState } from 'react';

import { DataFrame, InterpolateFunction } from '@grafana/data';
import { Alert, Button, Stack } from '@grafana/ui';

import { ImportExportPanel } from '../importExport/ImportExportPanel';
import * as edits from '../model/edits';
import { useEditorData } from './editorData';
import { JsonView } from './JsonView';
import { ObjectiveActions, ObjectiveSection } from './ObjectiveSection';

interface Props {
  value: unknown;
  onChange: (objectives: unknown[]) => void;
  options: unknown;
  frames?: DataFrame[];
  /** The panel's variable interpolation (Grafana's editor context): the key results are judged as the panel judges them. */
  replaceVariables?: InterpolateFunction;
}

/**
 * Objectives and key results as forms, or as JSON for power users. Every change goes through the pure
 * edits in ../model/edits.ts, so whatever the forms do not understand is saved back untouched.
 */
export function ObjectivesForm({ value, onChange, options, frames, replaceVariables }: Props) {
  const [asJson, setAsJson] = useState(false);
  const [transfer, setTransfer] = useState<'import' | 'export' | null>(null);
  const [openObjectives, setOpenObjectives] = useState<Set<number>>(() => new Set([0]));
  const data = useEditorData(options, value, frames, replaceVariables);
  const objectives = Array.isArray(value) ? value : value === undefined || value === null ? [] : null;

  const toolbar = (
    <Stack direction="row" gap={1} wrap="wrap">
      <Button
        variant="secondary"
        size="sm"
        icon="brackets-curly"
        onClick={() => setAsJson(!asJson)}
        aria-pressed={asJson}
      >
        Edit as JSON
      </Button>
      {objectives !== null && (
        <>
          <Button variant="secondary" size="sm" icon="import" onClick={() => setTransfer('import')}>
            Import
          </Button>
          <Button variant="secondary" size="sm" icon="share-alt" onClick={() => setTransfer('export')}>
            Export
          </Button>
        </>
      )}
    </Stack>
  );
  // Import and export work on the whole list, in either mode; nothing changes until "Apply import".
  const transferPanel = transfer && objectives !== null && (
    <ImportExportPanel
      mode={transfer}
      objectives={objectives}
      fiscalYearStartMonth={data.periodContext.fiscalYearStartMonth}
      onApply={(next) => {
        onChange(next);
        setTransfer(null);
      }}
      onClose={() => setTransfer(null)}
    />
  );
  if (asJson || objectives === null) {
    return (
      <Stack direction="column" gap={1}>
        {objectives === null && (
          <Alert severity="warning" title="Objectives are not a list">
            The saved objectives are not a list the forms can edit; fix them here.
          </Alert>
        )}
        {toolbar}
        {transferPanel}
        <JsonView value={value} onChange={onChange} />
      </Stack>
    );
  }

  const firstSeries = data.catalog.candidates[0]?.displayName;
  const actions: ObjectiveActions = {
    setObjectiveField: (i, key, v) => onChange(edits.setObjectiveField(objectives, i, key, v)),
    moveObjective: (i, delta) => onChange(edits.moveItem(objectives, i, delta)),
    removeObjective: (i) => onChange(edits.removeObjective(objectives, i)),
    addKeyResult: (i) => onChange(edits.addKeyResult(objectives, i, { series: firstSeries })),
    setKeyResultField: (at, key, v) => onChange(edits.setKeyResultField(objectives, at, key, v)),
    duplicateKeyResult: (at) => onChange(edits.duplicateKeyResult(objectives, at)),
    removeKeyResult: (at) => onChange(edits.removeKeyResult(objectives, at)),
    moveKeyResult: (at, delta) => onChange(edits.moveKeyResult(objectives, at, delta)),
  };
  const setOpen = (index: number, open: boolean) =>
    setOpenObjectives((current) => {
      const next = new Set(current);
      open ? next.add(index) : next.delete(index);
      return next;
    });

  return (
    <Stack direction="column" gap={1}>
      {toolbar}
      {transferPanel}
      {objectives.map((objective, index) => (
        <ObjectiveSection
          key={index}
          objective={objective}
          index={index}
          evaluated={data.model.objectives[index]}
          data={data}
          actions={actions}
          open={openObjectives.has(index)}
          onToggle={(open) => setOpen(index, open)}
        />
      ))}
      <div>
        <Button
          icon="plus"
          variant="secondary"
          onClick={() => {
            setOpen(objectives.length, true);
            onChange(edits.addObjective(objectives));
          }}
        >
          Add objective
        </Button>
      </div>
    </Stack>
  );
}
