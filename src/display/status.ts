import { GrafanaTheme2, IconName } from '@grafana/data';

import { KrStatus } from '../okr';

/**
 * How every view shows a key result's status: a word, an icon and a colour, so a status reads without
 * colour (WCAG 1.4.1). The core decides the status; this only names and paints it.
 *
 * Two colours per status, because a fill and a glyph need different shades of the same hue: `color` is
 * the palette's main shade (bars, borders, sparklines), `textColor` the shade Grafana tunes to be legible
 * as text on the panel background (icons and coloured words). Example: onTrack in the dark theme is
 * #1a7f4b for the bar and #6ccf8e for the icon.
 */
export interface StatusDisplay {
  label: string;
  icon: IconName;
  color: (theme: GrafanaTheme2) => string;
  textColor: (theme: GrafanaTheme2) => string;
}

type Tone = 'success' | 'warning' | 'error' | 'neutral';

function display(label: string, icon: IconName, tone: Tone): StatusDisplay {
  if (tone === 'neutral') {
    return {
      label,
      icon,
      color: (theme) => theme.colors.text.secondary,
      textColor: (theme) => theme.colors.text.secondary,
    };
  }
  return { label, icon, color: (theme) => theme.colors[tone].main, textColor: (theme) => theme.colors[tone].text };
}

// Icons are limited to those shipped in @grafana/ui's unicons folder, which Grafana serves (status.test.ts checks).
export const STATUS_DISPLAY: Record<KrStatus, StatusDisplay> = {
  onTrack: display('On track', 'check-circle', 'success'),
  achieved: display('Achieved', 'star', 'success'),
  atRisk: display('At risk', 'exclamation-triangle', 'warning'),
  offTrack: display('Off track', 'times-circle', 'error'),
  missed: display('Missed', 'minus-circle', 'error'),
  notStarted: display('Not started', 'hourglass', 'neutral'),
  noData: display('No data', 'question-circle', 'neutral'),
  // A configuration problem, not a performance verdict: loud enough that the dashboard's author fixes it.
  invalid: display('Invalid', 'exclamation-circle', 'error'),
};

/** Unknown strings (a newer core, hand-edited JSON) read as "Invalid" rather than crashing a view. */
export function statusDisplay(status: KrStatus): StatusDisplay {
  return STATUS_DISPLAY[status] ?? STATUS_DISPLAY.invalid;
}
