import { readFileSync } from 'fs';
import { join } from 'path';

import { parseImport } from './parseImport';

/** The README's "Import and export" section shows one objective in four formats; each must import as it. */
const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
const start = readme.indexOf('### Import and export');
const docs = readme.slice(start, readme.indexOf('\n## ', start));
const examples = [...docs.matchAll(/^```(\w*)\n([\s\S]*?)^```/gm)]
  .map((match) => match[2])
  .filter((text) => /^(objective|- title|\[)/.test(text));

test('the documentation has a TSV, CSV, YAML and JSON example', () => {
  expect(examples.map((text) => parseImport(text).format)).toEqual(['tsv', 'csv', 'yaml', 'json']);
});

test.each(examples.map((text) => [parseImport(text).format, text]))(
  'the %s example imports the documented objective without messages',
  (_, text) => {
    const parsed = parseImport(text);
    expect(parsed.messages).toEqual([]);
    expect(parsed.objectives).toEqual(parseImport(examples[3]).objectives);
    expect(parsed.objectives).toHaveLength(1);
  }
);
