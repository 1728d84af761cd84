import { EventBus, FieldConfigSource, InterpolateFunction, PanelData, PanelPlugin } from '@grafana/data';
import React from 'react';

interface Props {
  plugin: PanelPlugin;
  data: PanelData;
  options: unknown;
  fieldConfig: FieldConfigSource;
  timeZone: string;
  width: number;
  height: number;
  eventBus: EventBus;
  replaceVariables: InterpolateFunction;
}

/**
 * Our built panel as Grafana's panel renderer mounts it, at a size, for both bench pages (the sandbox's
 * render bench and the peers' page): the same props on both sides of every comparison.
 */
export function BenchedPanel({
  plugin,
  data,
  options,
  fieldConfig,
  timeZone,
  width,
  height,
  eventBus,
  replaceVariables,
}: Props) {
  const Panel = plugin.panel!;
  return (
    <div style={{ width, height }}>
      <Panel
        id={1}
        data={data}
        timeRange={data.timeRange}
        timeZone={timeZone}
        options={options}
        fieldConfig={fieldConfig}
        transparent={false}
        width={width}
        height={height}
        renderCounter={0}
        title="OKR Overlay"
        eventBus={eventBus}
        onOptionsChange={() => {}}
        onFieldConfigChange={() => {}}
        replaceVariables={replaceVariables}
        onChangeTimeRange={() => {}}
      />
    </div>
  );
}
