import { css } from '@emotion/css';
import React, { useMemo } from 'react';

import {
  DataFrame,
  FieldConfigPropertyItem,
  FieldConfigSource,
  GrafanaTheme2,
  PanelOptionsEditorBuilder,
  PanelPlugin,
  StandardEditorContext,
} from '@grafana/data';
import { sceneGraph, SceneComponentProps, SceneObjectBase, SceneObjectState, VizPanel } from '@grafana/scenes';
import { Field, useStyles2 } from '@grafana/ui';

/*
 * The options pane beside the panel. Grafana's own pane is app code (not on npm), so this one is built the
 * way Grafana builds it: from the plugin's option builder and its custom field config, each item drawn by its
 * registered editor. Changes go through VizPanel.onOptionsChange / onFieldConfigChange, so Grafana's merge
 * and option defaults run as they do in panel edit.
 */

interface OptionsPaneState extends SceneObjectState {
  panel: VizPanel;
}

export class OptionsPane extends SceneObjectBase<OptionsPaneState> {
  public static Component = OptionsPaneRenderer;
}

function OptionsPaneRenderer({ model }: SceneComponentProps<OptionsPane>) {
  const { panel } = model.useState();
  const { options, fieldConfig } = panel.useState();
  const series = sceneGraph.getData(panel).useState().data?.series ?? [];
  const plugin = panel.getPlugin();
  const styles = useStyles2(getStyles);
  if (!plugin) {
    return null;
  }
  return (
    <div className={styles.pane} data-testid="sandbox-options-editor">
      <PanelOptions plugin={plugin} panel={panel} options={options} data={series} />
      <CustomFieldConfig plugin={plugin} panel={panel} fieldConfig={fieldConfig} options={options} data={series} />
    </div>
  );
}

interface SectionProps {
  plugin: PanelPlugin;
  panel: VizPanel;
  options: Record<string, unknown>;
  data: DataFrame[];
}

function PanelOptions({ plugin, panel, options, data }: SectionProps) {
  const items = useMemo(() => {
    const builder = new PanelOptionsEditorBuilder<Record<string, unknown>>();
    plugin.getPanelOptionsSupplier()(builder, { data, options });
    return builder.getItems();
  }, [plugin, data, options]);
  // As Grafana's panel editor builds it (getStandardEditorContext): the panel's variable interpolation included.
  const context: StandardEditorContext<unknown> = { data, options, replaceVariables: panel.interpolate };
  return (
    <>
      {items
        .filter((item) => !item.showIf || item.showIf(options, data))
        .map((item) => {
          const Editor = item.editor;
          return (
            <Field
              key={item.path}
              label={`${item.category?.join(' › ') ?? ''} · ${item.name}`}
              description={item.description}
            >
              <Editor
                value={getPath(options, item.path)}
                item={item}
                context={context}
                // The whole options object, replaced: a value the editor removed stays removed.
                onChange={(next: unknown) => panel.onOptionsChange(setPath(options, item.path, next), true)}
              />
            </Field>
          );
        })}
    </>
  );
}

/** The plugin's own field config (useFieldConfig's custom properties) for all series: Standard options › defaults. */
function CustomFieldConfig({
  plugin,
  panel,
  fieldConfig,
  options,
  data,
}: SectionProps & { fieldConfig: FieldConfigSource }) {
  const items = plugin.fieldConfigRegistry.list().filter((item: FieldConfigPropertyItem) => item.isCustom);
  const custom = (fieldConfig.defaults.custom ?? {}) as Record<string, unknown>;
  return (
    <>
      {items.map((item) => {
        const Editor = item.editor;
        return (
          <Field
            key={item.id}
            label={`${item.category?.join(' › ') ?? 'Field'} · ${item.name}`}
            description={item.description}
          >
            <Editor
              value={getPath(custom, item.path)}
              item={item}
              context={{ data, options, replaceVariables: panel.interpolate }}
              onChange={(next: unknown) =>
                panel.onFieldConfigChange(
                  {
                    ...fieldConfig,
                    defaults: { ...fieldConfig.defaults, custom: setPath(custom, item.path, next) },
                  },
                  true
                )
              }
            />
          </Field>
        );
      })}
    </>
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
  pane: css({ width: 420, padding: theme.spacing(1) }),
});
