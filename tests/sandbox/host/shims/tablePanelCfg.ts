/*
 * Scenes' PanelBuilders.table() reads the table panel's defaultOptions from @grafana/schema, which 12.4 no
 * longer exports. Only that builder uses it (the sandbox never does): the rest of the module is the real one.
 */
// @ts-expect-error the schema's internal generated file has no type declarations at this path
export * from '../../../../node_modules/@grafana/schema/dist/esm/raw/composable/table/panelcfg/x/types.gen.mjs';
export const defaultOptions = {};
