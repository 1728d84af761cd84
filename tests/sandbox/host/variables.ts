import { CustomVariable, SceneVariable, SceneVariableSet, TextBoxVariable } from '@grafana/scenes';

import { PanelFixture } from './fixture';

/**
 * The fixture's dashboard variables as Scenes variables: text boxes for plain values, drop-downs for
 * values with options. Names are whatever the fixture says (`__proto__` and `constructor` included):
 * Scenes looks variables up by name in its own list.
 */
export function fixtureVariables(variables: PanelFixture['variables'] = {}): SceneVariableSet {
  const list: SceneVariable[] = Object.entries(variables).map(([name, definition]) => {
    if (typeof definition === 'string') {
      return new TextBoxVariable({ name, value: definition });
    }
    const options = definition.options ?? [definition.value];
    return new CustomVariable({
      name,
      label: definition.label,
      // Custom variables list their values comma-separated; a comma inside a value is escaped.
      query: options.map((option) => option.replaceAll(',', '\\,')).join(','),
      value: definition.value,
      text: definition.value,
    });
  });
  return new SceneVariableSet({ variables: list });
}
