import { existsSync } from 'node:fs';
import path from 'node:path';

import { availableIconsIndex, createTheme } from '@grafana/data';

import { KrStatus, STATUS_WORST_FIRST } from '../okr';
import { STATUS_DISPLAY, statusDisplay } from './status';

// Grafana serves the default icon type from this folder; an icon missing here is a 404 at runtime.
const UNICONS_DIR = path.resolve(__dirname, '../../node_modules/@grafana/ui/dist/public/img/icons/unicons');
const ALL_STATUSES: KrStatus[] = [...STATUS_WORST_FIRST];

test('covers every status the core can return', () => {
  expect(Object.keys(STATUS_DISPLAY).sort()).toEqual([...ALL_STATUSES].sort());
});

test('every status has its own label, so the word alone tells them apart', () => {
  const labels = ALL_STATUSES.map((status) => STATUS_DISPLAY[status].label);
  expect(new Set(labels).size).toBe(ALL_STATUSES.length);
  expect(labels).toEqual(
    expect.arrayContaining([
      'On track',
      'At risk',
      'Off track',
      'Achieved',
      'Missed',
      'Not started',
      'No data',
      'Invalid',
    ])
  );
});

test('every status has its own icon, so the glyph alone tells them apart', () => {
  const icons = ALL_STATUSES.map((status) => STATUS_DISPLAY[status].icon);
  expect(new Set(icons).size).toBe(ALL_STATUSES.length);
});

test.each(ALL_STATUSES)('%s: the icon is in Grafana’s icon set and shipped as an svg', (status) => {
  const { icon } = STATUS_DISPLAY[status];
  expect(availableIconsIndex[icon]).toBe(true);
  expect(existsSync(path.join(UNICONS_DIR, `${icon}.svg`))).toBe(true);
});

test.each(['dark', 'light'] as const)('%s theme: every status resolves to colours', (mode) => {
  const theme = createTheme({ colors: { mode } });
  for (const status of ALL_STATUSES) {
    expect(STATUS_DISPLAY[status].color(theme)).toMatch(/^(#|rgb)/);
    expect(STATUS_DISPLAY[status].textColor(theme)).toMatch(/^(#|rgb)/);
  }
});

test('an unknown status reads as Invalid instead of crashing a view', () => {
  expect(statusDisplay('bogus' as KrStatus).label).toBe('Invalid');
});
