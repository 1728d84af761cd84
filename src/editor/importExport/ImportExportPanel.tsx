import { css } from '@emotion/css';
import React, { useEffect, useId, useMemo, useRef, useState } from 'react';

import { GrafanaTheme2 } from '@grafana/data';
import { Alert, Button, Field, LinkButton, RadioButtonGroup, Stack, TextArea, useStyles2 } from '@grafana/ui';

import { applyImport, diffImport, type ImportMode, type KeyResultChange } from './diffImport';
import { EXPORT_FORMATS, exportOkrs, type ExportFormat } from './exportOkrs';
import { parseImport, type ImportFormat, type ImportMessage } from './parseImport';

export interface ImportExportPanelProps {
  /** The saved `objectives` option, as stored: untrusted, never rewritten by export. */
  objectives: unknown[];
  /** Called once, on "Apply import", with the whole new objectives list. */
  onApply(next: unknown[]): void;
  onClose(): void;
  mode: 'import' | 'export';
  /** The panel's fiscal year start month, for checking imported periods; 0 (January) when not given. */
  fiscalYearStartMonth?: number;
}

/** Export the whole OKR set as text, or import pasted text after a preview of what it changes. */
export function ImportExportPanel(props: ImportExportPanelProps) {
  return props.mode === 'export' ? <ExportView {...props} /> : <ImportView {...props} />;
}

const FORMAT_OPTIONS = EXPORT_FORMATS.map(({ format, label }) => ({ value: format, label }));

function ExportView({ objectives, onClose }: ImportExportPanelProps) {
  const styles = useStyles2(getStyles);
  const [format, setFormat] = useState<ExportFormat>('json');
  const [copied, setCopied] = useState(false);
  const text = useMemo(() => exportOkrs(objectives, format), [objectives, format]);
  const { extension, mime } = EXPORT_FORMATS.find((candidate) => candidate.format === format) ?? EXPORT_FORMATS[0];
  const downloadRef = useBlobHref(text, mime);

  const textId = useId();
  // Without clipboard access (an insecure origin) the button stays "Copy"; the text can still be selected.
  const copy = () =>
    navigator.clipboard?.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false)
    );

  return (
    <div className={styles.panel}>
      <Field label="Format">
        <RadioButtonGroup
          aria-label="Format"
          options={FORMAT_OPTIONS}
          value={format}
          onChange={(next) => {
            setFormat(next);
            setCopied(false);
          }}
        />
      </Field>
      <Field label="Exported OKRs">
        <TextArea
          id={textId}
          aria-label="Exported OKRs"
          className={styles.code}
          value={text}
          readOnly
          rows={Math.min(20, Math.max(6, text.split('\n').length))}
          spellCheck={false}
        />
      </Field>
      <Stack gap={1}>
        <Button icon={copied ? 'check' : 'copy'} variant="secondary" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </Button>
        <LinkButton ref={downloadRef} icon="download-alt" variant="secondary" download={`okrs.${extension}`}>
          Download
        </LinkButton>
        <Button variant="secondary" fill="text" onClick={onClose}>
          Close
        </Button>
      </Stack>
    </div>
  );
}

/**
 * The download link's href: an object URL for the text, made by the effect that revokes it, so each URL
 * lives exactly as long as the text it holds (also under StrictMode's double effects).
 */
function useBlobHref(text: string, mime: string) {
  const linkRef = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    const link = linkRef.current;
    if (!link || typeof URL.createObjectURL !== 'function') {
      return undefined;
    }
    const created = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
    link.href = created;
    return () => URL.revokeObjectURL(created);
  }, [text, mime]);
  return linkRef;
}

const MODE_OPTIONS = [
  { value: 'merge' as const, label: 'Merge', description: 'Add and update key results; remove nothing' },
  { value: 'replace' as const, label: 'Replace', description: 'The imported set replaces the current one' },
];

const FORMAT_NAMES: Record<ImportFormat, string> = { json: 'JSON', yaml: 'YAML', csv: 'CSV', tsv: 'TSV' };

function ImportView({ objectives, onApply, onClose, fiscalYearStartMonth }: ImportExportPanelProps) {
  const styles = useStyles2(getStyles);
  const [text, setText] = useState('');
  const [mode, setMode] = useState<ImportMode>('merge');
  const textId = useId();
  const parsed = useMemo(
    () => parseImport(text, objectives, { fiscalYearStartMonth }),
    [text, objectives, fiscalYearStartMonth]
  );
  const changes = useMemo(() => diffImport(objectives, parsed.objectives), [objectives, parsed.objectives]);
  const applies = changes.some(
    ({ change }) => change === 'added' || change === 'changed' || (change === 'removed' && mode === 'replace')
  );

  return (
    <div className={styles.panel}>
      <Field
        label="Paste OKRs"
        description={
          parsed.format ? `Detected format: ${FORMAT_NAMES[parsed.format]}` : 'With a header row for CSV and TSV'
        }
      >
        <TextArea
          id={textId}
          aria-label="Paste OKRs"
          className={styles.code}
          placeholder="Paste JSON, YAML, CSV or TSV"
          value={text}
          rows={8}
          spellCheck={false}
          onChange={(event) => setText(event.currentTarget.value)}
          invalid={parsed.error !== undefined}
        />
      </Field>
      {parsed.error && (
        <Alert severity="error" title="Nothing to import">
          {parsed.error}
        </Alert>
      )}
      <Messages messages={parsed.messages} />
      {parsed.format && !parsed.error && <Preview changes={changes} mode={mode} />}
      <Field label="Apply as">
        <RadioButtonGroup aria-label="Apply as" options={MODE_OPTIONS} value={mode} onChange={setMode} />
      </Field>
      <Stack gap={1}>
        <Button disabled={!applies} onClick={() => onApply(applyImport(objectives, parsed.objectives, mode))}>
          Apply import
        </Button>
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
      </Stack>
    </div>
  );
}

function Messages({ messages }: { messages: ImportMessage[] }) {
  const blocking = messages.filter((message) => message.blocking);
  const notes = messages.filter((message) => !message.blocking);
  return (
    <>
      {blocking.length > 0 && (
        <Alert severity="warning" title={`${blocking.length} not imported`}>
          <MessageList messages={blocking} />
        </Alert>
      )}
      {notes.length > 0 && (
        <Alert severity="info" title="Notes">
          <MessageList messages={notes} />
        </Alert>
      )}
    </>
  );
}

function MessageList({ messages }: { messages: ImportMessage[] }) {
  return (
    <ul>
      {messages.map((message, i) => (
        <li key={i}>{`${message.where}: ${message.text}`}</li>
      ))}
    </ul>
  );
}

/** Per key result; in a merge nothing is removed, so the ones the import leaves out are shown as kept. */
function Preview({ changes, mode }: { changes: KeyResultChange[]; mode: ImportMode }) {
  const styles = useStyles2(getStyles);
  const count = (kind: KeyResultChange['change']) => changes.filter((change) => change.change === kind).length;
  const removedLabel = mode === 'replace' ? 'removed' : 'kept (not in the import)';
  const summary = `${count('added')} added, ${count('changed')} changed, ${count('removed')} ${removedLabel}, ${count('unchanged')} unchanged`;
  const listed = changes.filter((change) => change.change !== 'unchanged');
  return (
    <section aria-label="Import preview" className={styles.preview}>
      <p>{summary}</p>
      <ul>
        {listed.map((change, i) => (
          <li key={i}>{describeChange(change, removedLabel)}</li>
        ))}
      </ul>
    </section>
  );
}

function describeChange({ change, objective, keyResult, fields }: KeyResultChange, removedLabel: string): string {
  const name = `${objective || '(untitled objective)'} › ${keyResult || '(untitled key result)'}`;
  switch (change) {
    case 'changed':
      return `Changed: ${name} (${fields.join(', ')})`;
    case 'removed':
      return `${removedLabel[0].toUpperCase()}${removedLabel.slice(1)}: ${name}`;
    case 'added':
      return `Added: ${name}`;
    case 'unchanged':
      return `Unchanged: ${name}`;
  }
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1), padding: theme.spacing(1, 0) }),
  code: css({ fontFamily: theme.typography.fontFamilyMonospace, fontSize: theme.typography.bodySmall.fontSize }),
  preview: css({
    padding: theme.spacing(1),
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    ul: { margin: theme.spacing(0.5, 0, 0, 2) },
  }),
});
