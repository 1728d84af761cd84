import { css } from '@emotion/css';
import React from 'react';

import { GrafanaTheme2 } from '@grafana/data';
import { Button, Collapse, IconButton, Stack, useStyles2 } from '@grafana/ui';

import { formatPercent } from '../../display/format';
import { statusDisplay } from '../../display/status';
import { ObjectiveModel } from '../../okr';
import { isJsonRecord, KeyResultPosition } from '../model/edits';
import { EditorData } from './editorData';
import { KeyResultRow } from './KeyResultRow';
import { TextField } from './TextField';

export interface ObjectiveActions {
  setObjectiveField: (index: number, key: string, value: unknown) => void;
  moveObjective: (index: number, delta: number) => void;
  removeObjective: (index: number) => void;
  addKeyResult: (index: number) => void;
  setKeyResultField: (at: KeyResultPosition, key: string, value: unknown) => void;
  duplicateKeyResult: (at: KeyResultPosition) => void;
  removeKeyResult: (at: KeyResultPosition) => void;
  moveKeyResult: (at: KeyResultPosition, delta: number) => void;
}

interface Props {
  objective: unknown;
  index: number;
  evaluated?: ObjectiveModel;
  data: EditorData;
  actions: ObjectiveActions;
  open: boolean;
  onToggle: (open: boolean) => void;
}

/** One objective: its title, its key results and "Add key result", in a section that collapses. */
export function ObjectiveSection({ objective, index, evaluated, data, actions, open, onToggle }: Props) {
  const styles = useStyles2(getStyles);
  const keyResults = isJsonRecord(objective) ? objective.keyResults : undefined;
  const rowKeys = Array.isArray(keyResults) ? keyResultRowKeys(keyResults) : [];
  const title = evaluated?.title ?? `Objective ${index + 1}`;
  const status = statusDisplay(evaluated?.status ?? 'invalid');
  const label = `${title} · ${status.label} · ${formatPercent(evaluated?.progress)}`;
  return (
    <Collapse label={label} isOpen={open} onToggle={onToggle}>
      {!isJsonRecord(objective) ? (
        <div className={styles.hint}>This objective is not an object; fix it in “Edit as JSON”.</div>
      ) : (
        <>
          <Stack alignItems="center" gap={0.5}>
            <div className={styles.grow}>
              <TextField
                label="Objective title"
                value={objective.title}
                onChange={(v) => actions.setObjectiveField(index, 'title', v)}
              />
            </div>
            <IconButton name="arrow-up" tooltip="Move objective up" onClick={() => actions.moveObjective(index, -1)} />
            <IconButton
              name="arrow-down"
              tooltip="Move objective down"
              onClick={() => actions.moveObjective(index, 1)}
            />
            <IconButton name="trash-alt" tooltip="Remove objective" onClick={() => actions.removeObjective(index)} />
          </Stack>
          {evaluated && evaluated.messages.length > 0 && (
            <div className={styles.messages} role="status">
              {evaluated.messages.map((message) => (
                <div key={message}>{message}</div>
              ))}
            </div>
          )}
          {Array.isArray(keyResults) ? (
            keyResults.map((keyResult, krIndex) => {
              const at = { objective: index, keyResult: krIndex };
              return (
                <KeyResultRow
                  key={rowKeys[krIndex]}
                  keyResult={keyResult}
                  evaluated={evaluated?.keyResults[krIndex]}
                  catalog={data.catalog}
                  periodContext={data.periodContext}
                  onField={(key, value) => actions.setKeyResultField(at, key, value)}
                  onDuplicate={() => actions.duplicateKeyResult(at)}
                  onRemove={() => actions.removeKeyResult(at)}
                  onMove={(delta) => actions.moveKeyResult(at, delta)}
                />
              );
            })
          ) : (
            <div className={styles.hint}>keyResults is not a list; fix it in “Edit as JSON”.</div>
          )}
          {Array.isArray(keyResults) && (
            <Button icon="plus" size="sm" variant="secondary" onClick={() => actions.addKeyResult(index)}>
              Add key result
            </Button>
          )}
        </>
      )}
    </Collapse>
  );
}

/**
 * React keys for the rows: the key result's id where it is unique, so an open row stays open when it is
 * moved or another is removed; else its position.
 */
function keyResultRowKeys(keyResults: unknown[]): string[] {
  const ids = keyResults.map((kr) => (isJsonRecord(kr) && typeof kr.id === 'string' ? kr.id : null));
  const unique = (id: string | null) => id !== null && ids.indexOf(id) === ids.lastIndexOf(id);
  return ids.map((id, i) => (id !== null && unique(id) ? `id:${id}` : `at:${i}`));
}

const getStyles = (theme: GrafanaTheme2) => ({
  grow: css({ flex: 1, minWidth: 0 }),
  hint: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  messages: css({
    color: theme.colors.error.text,
    fontSize: theme.typography.bodySmall.fontSize,
    overflowWrap: 'anywhere',
  }),
});
