import { css } from '@emotion/css';
import React, { useState } from 'react';

import { GrafanaTheme2, StandardEditorProps } from '@grafana/data';
import { Alert, TextArea, useStyles2 } from '@grafana/ui';

import { testIds } from '../selectors';
import { ObjectiveOption } from '../types';

type Props = StandardEditorProps<ObjectiveOption[] | undefined>;

/**
 * Objectives as JSON. The draft text is kept while it does not parse, and only valid JSON lists reach
 * onOptionsChange, so a typo never wipes the analyst's saved objectives.
 */
export function ObjectivesEditor({ value, onChange }: Props) {
  const styles = useStyles2(getStyles);
  const [draft, setDraft] = useState(() => formatObjectives(value));
  const [error, setError] = useState<string | null>(null);

  const [syncedValue, setSyncedValue] = useState(value);
  if (value !== syncedValue) {
    // Follow outside changes (undo, JSON model edits) unless the user is mid-edit on an invalid draft.
    setSyncedValue(value);
    if (error === null) {
      setDraft(formatObjectives(value));
    }
  }

  const commit = () => {
    const parsed = parseObjectives(draft);
    setError(parsed.error);
    if (parsed.error === null) {
      onChange(parsed.objectives);
    }
  };

  return (
    <div>
      <TextArea
        className={styles.code}
        data-testid={testIds.objectivesEditor}
        value={draft}
        rows={Math.min(24, Math.max(6, draft.split('\n').length))}
        spellCheck={false}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={commit}
        invalid={error !== null}
      />
      {error && (
        <Alert severity="error" title="Objectives not saved" data-testid={testIds.objectivesEditorError}>
          {error}
        </Alert>
      )}
    </div>
  );
}

export function formatObjectives(value: unknown): string {
  return JSON.stringify(value ?? [], null, 2);
}

export function parseObjectives(
  text: string
): { objectives: ObjectiveOption[]; error: null } | { objectives: null; error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { objectives: null, error: `Not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!Array.isArray(parsed)) {
    return { objectives: null, error: 'Expected a JSON list of objectives: [ { "title": …, "keyResults": [ … ] } ]' };
  }
  return { objectives: parsed as ObjectiveOption[], error: null };
}

const getStyles = (theme: GrafanaTheme2) => ({
  code: css({
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
});
