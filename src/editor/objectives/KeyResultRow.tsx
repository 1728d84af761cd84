import { css } from '@emotion/css';
import React, { useState } from 'react';

import { GrafanaTheme2 } from '@grafana/data';
import { Icon, IconButton, Stack, useStyles2, useTheme2 } from '@grafana/ui';

import { formatPercent } from '../../display/format';
import { statusDisplay } from '../../display/status';
import { KeyResultModel, PeriodContext, SeriesCatalog } from '../../okr';
import { isJsonRecord } from '../model/edits';
import { groupMessages } from '../model/messages';
import { KeyResultFields } from './KeyResultFields';

interface Props {
  keyResult: unknown;
  evaluated?: KeyResultModel;
  catalog: SeriesCatalog;
  periodContext: PeriodContext;
  onField: (key: string, value: unknown) => void;
  onDuplicate: () => void;
  onRemove: () => void;
  onMove: (delta: number) => void;
}

/** One key result: a row with its title, status and progress from the current data, expanding to its fields. */
export function KeyResultRow({ keyResult, evaluated, onDuplicate, onRemove, onMove, ...fields }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const [open, setOpen] = useState(false);
  const messages = groupMessages(evaluated?.messages ?? []);
  const status = statusDisplay(evaluated?.status ?? 'invalid');
  const title = evaluated?.title ?? (isJsonRecord(keyResult) ? String(keyResult.title ?? '') : '');
  return (
    <div className={styles.row} data-status={evaluated?.status}>
      <Stack alignItems="center" gap={0.5}>
        <button type="button" className={styles.header} aria-expanded={open} onClick={() => setOpen(!open)}>
          <Icon name={open ? 'angle-down' : 'angle-right'} />
          <span className={styles.title}>{title}</span>
          <span className={styles.status}>
            <Icon name={status.icon} style={{ color: status.textColor(theme) }} /> {status.label} ·{' '}
            {formatPercent(evaluated?.progress)}
          </span>
        </button>
        {open && (
          // Only while open: in a 300 px options pane the collapsed row keeps its width for the title.
          <>
            <IconButton name="arrow-up" tooltip="Move key result up" onClick={() => onMove(-1)} />
            <IconButton name="arrow-down" tooltip="Move key result down" onClick={() => onMove(1)} />
          </>
        )}
        <IconButton name="copy" tooltip="Duplicate key result" onClick={onDuplicate} />
        <IconButton name="trash-alt" tooltip="Remove key result" onClick={onRemove} />
      </Stack>
      {!open && messages.keyResult === undefined && evaluated?.status === 'invalid' && (
        <div className={styles.hint}>Invalid: open to see why</div>
      )}
      {messages.keyResult && <KeyResultMessages messages={messages.keyResult} />}
      {open && isJsonRecord(keyResult) && (
        <div className={styles.fields}>
          <KeyResultFields keyResult={keyResult} evaluated={evaluated} messages={messages} {...fields} />
        </div>
      )}
      {open && !isJsonRecord(keyResult) && (
        <div className={styles.hint}>This key result is not an object; fix it in “Edit as JSON”.</div>
      )}
    </div>
  );
}

function KeyResultMessages({ messages }: { messages: string[] }) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.messages} role="status">
      {messages.map((message) => (
        <div key={message}>{message}</div>
      ))}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  row: css({ borderTop: `1px solid ${theme.colors.border.weak}`, padding: theme.spacing(0.5, 0) }),
  header: css({
    all: 'unset',
    cursor: 'pointer',
    flex: 1,
    minWidth: 0,
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}` },
  }),
  title: css({ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }),
  status: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    whiteSpace: 'nowrap',
  }),
  hint: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  messages: css({
    color: theme.colors.error.text,
    fontSize: theme.typography.bodySmall.fontSize,
    overflowWrap: 'anywhere',
  }),
  fields: css({ padding: theme.spacing(1, 0, 1, 2) }),
});
