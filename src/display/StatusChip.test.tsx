import { render, screen } from '@testing-library/react';
import React from 'react';

import { colorManipulator, createTheme } from '@grafana/data';

import { STATUS_DISPLAY } from './status';
import { KrStatus, STATUS_WORST_FIRST } from '../okr';
import { chipColors, StatusChip } from './StatusChip';

const ALL_STATUSES: KrStatus[] = [...STATUS_WORST_FIRST];

test.each(ALL_STATUSES)('%s: the chip shows its word and its icon', (status) => {
  render(<StatusChip status={status} />);
  const chip = screen.getByTestId('okr-status-chip');
  expect(chip).toHaveTextContent(STATUS_DISPLAY[status].label);
  expect(chip).toHaveAttribute('data-status', status);
  // Jest's react-inlinesvg mock names the svg after the icon file.
  expect(chip.querySelector(`[data-testid="${STATUS_DISPLAY[status].icon}"]`)).not.toBeNull();
});

/** Contrast as the eye sees it: translucent colours (the tint, text.secondary) flattened onto what is behind them. */
function contrastOnChip(foreground: string, chipBackground: string, panelBackground: string): number {
  const chip = colorManipulator.onBackground(chipBackground, panelBackground).toRgbString();
  const ink = colorManipulator.onBackground(foreground, chip).toRgbString();
  return colorManipulator.getContrastRatio(ink, chip);
}

describe.each(['dark', 'light'] as const)('%s theme: the chip is legible without relying on colour', (mode) => {
  const theme = createTheme({ colors: { mode } });
  // Rows sit on the primary background, objective headers on the secondary one.
  const backgrounds = [theme.colors.background.primary, theme.colors.background.secondary];

  test.each(ALL_STATUSES)('%s: word ≥ 4.5:1 and icon ≥ 3:1 against the tinted chip', (status) => {
    const colors = chipColors(theme, status);
    for (const panelBackground of backgrounds) {
      expect(contrastOnChip(colors.text, colors.background, panelBackground)).toBeGreaterThanOrEqual(4.5);
      expect(contrastOnChip(colors.icon, colors.background, panelBackground)).toBeGreaterThanOrEqual(3);
    }
  });
});
