import { css } from '@emotion/css';
import React, { useRef, useState } from 'react';

import { GrafanaTheme2 } from '@grafana/data';
import { Alert, TextArea, useStyles2 } from '@grafana/ui';

import { testIds } from '../../selectors';
import { formatObjectives, parseObjectives } from './jsonText';

interface Props {
  value: unknown;
  onChange: (objectives: unknown[]) => void;
}

/**
 * "Edit as JSON": the draft is kept while it does not parse and only a valid list reaches onChange, so a
 * typo never wipes the saved objectives. The gutter numbers lines and marks the one the error is on.
 */
export function JsonView({ value, onChange }: Props) {
  const styles = useStyles2(getStyles);
  const [draft, setDraft] = useState(() => formatObjectives(value));
  const [error, setError] = useState<{ message: string; line: number | null } | null>(null);
  const [syncedValue, setSyncedValue] = useState(value);
  const gutter = useRef<HTMLDivElement>(null);
  if (value !== syncedValue) {
    // Follow outside changes (undo, the forms) unless the analyst is mid-edit on an invalid draft.
    setSyncedValue(value);
    if (error === null) {
      setDraft(formatObjectives(value));
    }
  }

  const commit = () => {
    const parsed = parseObjectives(draft);
    setError(parsed.error === null ? null : { message: parsed.error, line: parsed.line });
    if (parsed.objectives !== null) {
      onChange(parsed.objectives);
    }
  };

  const lines = draft.split('\n').length;
  return (
    <div>
      <div className={styles.editor}>
        <div className={styles.gutter} ref={gutter} aria-hidden>
          {Array.from({ length: lines }, (_, i) => (
            <div key={i} className={error?.line === i + 1 ? styles.errorLine : undefined}>
              {i + 1}
            </div>
          ))}
        </div>
        <TextArea
          className={styles.code}
          aria-label="Objectives as JSON"
          data-testid={testIds.objectivesEditor}
          value={draft}
          rows={Math.min(24, Math.max(6, lines))}
          spellCheck={false}
          wrap="off"
          onScroll={(event) => gutter.current?.scrollTo({ top: event.currentTarget.scrollTop })}
          onChange={(event) => setDraft(event.currentTarget.value)}
          onBlur={commit}
          invalid={error !== null}
        />
      </div>
      {error && (
        <Alert severity="error" title="Objectives not saved" data-testid={testIds.objectivesEditorError}>
          {error.line !== null ? `Line ${error.line}: ` : ''}
          {error.message}
        </Alert>
      )}
    </div>
  );
}

const LINE_HEIGHT = '18px';

const getStyles = (theme: GrafanaTheme2) => ({
  editor: css({ display: 'flex', alignItems: 'stretch', '& > textarea': { flex: 1 } }),
  gutter: css({
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: theme.typography.bodySmall.fontSize,
    lineHeight: LINE_HEIGHT,
    color: theme.colors.text.disabled,
    textAlign: 'right',
    // The textarea's border (1px) and top padding, so each number sits beside its line.
    paddingTop: `${theme.spacing.gridSize / 4 + 1}px`,
    paddingRight: theme.spacing(0.5),
    minWidth: theme.spacing(4),
    overflow: 'hidden',
    userSelect: 'none',
    flex: 'none',
  }),
  errorLine: css({ color: theme.colors.error.text, background: theme.colors.error.transparent, fontWeight: 'bold' }),
  code: css({
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: theme.typography.bodySmall.fontSize,
    lineHeight: LINE_HEIGHT,
    whiteSpace: 'pre',
    overflowX: 'auto',
  }),
});
