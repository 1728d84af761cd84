import { css } from '@emotion/css';
import React, { useEffect, useMemo, useState } from 'react';

import {
  createTheme,
  dateTime,
  EventBusSrv,
  FieldConfigSource,
  GrafanaTheme2,
  PanelOptionsEditorBuilder,
  PanelPlugin,
  PanelProps,
  TimeRange,
} from '@grafana/data';
import { Field, GlobalStyles, ThemeContext, useStyles2 } from '@grafana/ui';

import { fixtureTimeRange, makeReplaceVariables, panelData, PanelFixture } from './fixture';

interface Props {
  plugin: PanelPlugin;
  fixture: PanelFixture;
  frames: PanelProps['data']['series'];
  options: Record<string, unknown>;
  fieldConfig: FieldConfigSource;
  showEditor: boolean;
  onOptionsChange: (options: Record<string, unknown>) => void;
}

/** The dashboard's event bus (shared crosshair and other panel events); tests publish and listen on it. */
export const eventBus = new EventBusSrv();

function absoluteRange(from: number, to: number): TimeRange {
  return { from: dateTime(from), to: dateTime(to), raw: { from: dateTime(from), to: dateTime(to) } };
}

/** What Grafana's panel chrome does for a plugin: complete PanelProps, the theme, and the options editor beside it. */
export function SandboxApp(props: Props) {
  const theme = useMemo(() => createTheme({ colors: { mode: props.fixture.theme ?? 'dark' } }), [props.fixture.theme]);
  return (
    <ThemeContext.Provider value={theme}>
      <GlobalStyles />
      <SandboxLayout {...props} theme={theme} />
    </ThemeContext.Provider>
  );
}

function SandboxLayout({
  plugin,
  fixture,
  frames,
  options,
  fieldConfig,
  showEditor,
  onOptionsChange,
  theme,
}: Props & { theme: GrafanaTheme2 }) {
  const styles = useStyles2(getStyles);
  const [timeRange, setTimeRange] = useState<TimeRange>(() => fixtureTimeRange(fixture));
  // A new fixture range (the demo's moving "now") replaces the current one, as a dashboard refresh does.
  useEffect(() => setTimeRange(fixtureTimeRange(fixture)), [fixture.timeRange.from, fixture.timeRange.to]); // eslint-disable-line react-hooks/exhaustive-deps
  const timeZone = fixture.timeZone ?? 'browser';
  const replaceVariables = useMemo(() => makeReplaceVariables(fixture.variables), [fixture.variables]);
  const data = useMemo(
    () => panelData({ plugin, frames, fieldConfig, theme, timeZone, timeRange, replaceVariables }),
    [plugin, frames, fieldConfig, theme, timeZone, timeRange, replaceVariables]
  );
  const width = fixture.width ?? 1000;
  const height = fixture.height ?? 500;
  const Panel = plugin.panel!;

  return (
    <div className={styles.page}>
      <div
        className={styles.panel}
        data-testid="sandbox-panel"
        data-time-from={timeRange.from.valueOf()}
        data-time-to={timeRange.to.valueOf()}
      >
        <div className={styles.panelContent} style={{ width, height }}>
          <Panel
            id={1}
            data={data}
            timeRange={timeRange}
            timeZone={timeZone}
            options={options}
            fieldConfig={fieldConfig}
            transparent={false}
            width={width}
            height={height}
            renderCounter={0}
            title="OKR Overlay"
            eventBus={eventBus}
            onOptionsChange={onOptionsChange}
            onFieldConfigChange={() => {}}
            replaceVariables={replaceVariables}
            onChangeTimeRange={({ from, to }) => setTimeRange(absoluteRange(from, to))}
          />
        </div>
      </div>
      {showEditor && (
        <OptionsEditor plugin={plugin} options={options} data={data.series} onOptionsChange={onOptionsChange} />
      )}
    </div>
  );
}

interface EditorProps {
  plugin: PanelPlugin;
  options: Record<string, unknown>;
  data: PanelProps['data']['series'];
  onOptionsChange: (options: Record<string, unknown>) => void;
}

/** The plugin's own options editor, built from its options builder as Grafana's panel editor does. */
function OptionsEditor({ plugin, options, data, onOptionsChange }: EditorProps) {
  const styles = useStyles2(getStyles);
  const items = useMemo(() => {
    const builder = new PanelOptionsEditorBuilder<Record<string, unknown>>();
    plugin.getPanelOptionsSupplier()(builder, { data, options });
    return builder.getItems();
  }, [plugin, data, options]);

  return (
    <div className={styles.editor} data-testid="sandbox-options-editor">
      {items
        .filter((item) => !item.showIf || item.showIf(options, data))
        .map((item) => {
          const Editor = item.editor;
          const value = getPath(options, item.path);
          return (
            <Field
              key={item.path}
              label={`${item.category?.join(' › ') ?? ''} · ${item.name}`}
              description={item.description}
            >
              <Editor
                value={value}
                item={item}
                context={{ data, options }}
                onChange={(next: unknown) => onOptionsChange(setPath(options, item.path, next))}
              />
            </Field>
          );
        })}
    </div>
  );
}

function getPath(object: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], object);
}

function setPath(object: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) {
    return { ...object, [head]: value };
  }
  const child = (object[head] as Record<string, unknown> | undefined) ?? {};
  return { ...object, [head]: setPath(child, rest.join('.'), value) };
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', gap: theme.spacing(2), alignItems: 'flex-start', padding: theme.spacing(1) }),
  // Like Grafana's panel chrome: the panel gets width × height, inside a padded, bordered box.
  panel: css({
    flex: 'none',
    boxSizing: 'content-box',
    padding: theme.spacing(1),
    background: theme.components.panel.background,
    border: `1px solid ${theme.components.panel.borderColor}`,
    borderRadius: theme.shape.radius.default,
  }),
  panelContent: css({ position: 'relative', overflow: 'hidden' }),
  editor: css({ width: 420, flex: 'none' }),
});
