import { fireEvent, render, screen, within } from '@testing-library/react';
import { readFileSync } from 'fs';
import { join } from 'path';
import React from 'react';

import { ImportExportPanel } from './ImportExportPanel';

const THREE_ROWS = readFileSync(join(__dirname, '../../../tests/fixtures/import-three.tsv'), 'utf8');
const current = [
  {
    title: 'Delight customers',
    futureKey: 'kept',
    keyResults: [{ id: 'nps', title: 'NPS 50', series: 'nps', period: '2026-Q3', kind: 'increase', target: 50 }],
  },
];

function renderPanel(mode: 'import' | 'export', objectives: unknown[] = current) {
  const onApply = jest.fn();
  const onClose = jest.fn();
  render(<ImportExportPanel objectives={objectives} onApply={onApply} onClose={onClose} mode={mode} />);
  return { onApply, onClose };
}

const paste = (text: string) =>
  fireEvent.change(screen.getByRole('textbox', { name: 'Paste OKRs' }), { target: { value: text } });
const previewItems = () => within(screen.getByRole('region', { name: 'Import preview' })).getAllByRole('listitem');

describe('ImportExportPanel, import', () => {
  test('a pasted TSV of three key results previews 3 added and applies them merged with the current set', () => {
    const { onApply } = renderPanel('import');
    expect(screen.getByRole('textbox', { name: 'Paste OKRs' })).toHaveAttribute(
      'placeholder',
      'Paste JSON, YAML, CSV or TSV'
    );
    paste(THREE_ROWS);
    expect(screen.getByText('Detected format: TSV')).toBeInTheDocument();
    expect(screen.getByText(/^3 added, 0 changed, 1 kept \(not in the import\), 0 unchanged$/)).toBeInTheDocument();
    expect(previewItems().map((item) => item.textContent)).toEqual([
      'Added: Grow revenue › MRR to 200',
      'Added: Grow revenue › MRR above 90',
      'Added: Grow revenue › MRR up 15%',
      'Kept (not in the import): Delight customers › NPS 50',
    ]);
    expect(onApply).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Apply import' }));
    expect(onApply).toHaveBeenCalledTimes(1);
    const [next] = onApply.mock.calls[0];
    expect(next).toEqual([
      current[0],
      {
        title: 'Grow revenue',
        keyResults: [
          {
            title: 'MRR to 200',
            series: 'mrr',
            period: '2026-Q3',
            kind: 'increase',
            baseline: 100,
            target: 200,
            weight: 2,
            owner: 'Ana',
          },
          { title: 'MRR above 90', series: 'mrr', period: '2026-Q3', kind: 'stayAbove', target: 90, owner: 'Bo' },
          {
            title: 'MRR up 15%',
            series: 'mrr',
            period: '2026-Q3',
            kind: 'increase',
            target: '+15%',
            reducer: 'mean',
            owner: 'Ana',
          },
        ],
      },
    ]);
  });

  test('a bad row shows its message and is not applied; Replace removes what the import leaves out', () => {
    const { onApply } = renderPanel('import');
    paste(`${THREE_ROWS.trim()}\nGrow revenue\tBroken\tmrr\t2026-Q3\tincrease\t\tabc\n`);
    expect(screen.getByText(/^row 5: target 'abc' is not a number/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: 'Replace' }));
    expect(screen.getByText(/^3 added, 0 changed, 1 removed, 0 unchanged$/)).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Apply import' }));
    const [next] = onApply.mock.calls[0];
    expect(next).toHaveLength(1);
    expect(next[0].keyResults.map((keyResult: { title: string }) => keyResult.title)).toEqual([
      'MRR to 200',
      'MRR above 90',
      'MRR up 15%',
    ]);
  });

  test('text that does not parse says why and cannot be applied; Cancel closes', () => {
    const { onApply, onClose } = renderPanel('import');
    paste('[{"title": ');
    expect(screen.getByText(/^JSON does not parse: /)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply import' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onApply).not.toHaveBeenCalled();
  });
});

describe('ImportExportPanel, export', () => {
  beforeAll(() => {
    URL.createObjectURL = jest.fn(() => 'blob:okrs');
    URL.revokeObjectURL = jest.fn();
  });

  test('JSON by default, with a download named for the format', () => {
    renderPanel('export');
    expect(screen.getByRole('textbox', { name: 'Exported OKRs' })).toHaveValue(JSON.stringify(current, null, 2));
    expect(screen.getByRole('link', { name: 'Download' })).toHaveAttribute('download', 'okrs.json');
    expect(screen.getByRole('link', { name: 'Download' })).toHaveAttribute('href', 'blob:okrs');
  });

  test('CSV exported and pasted back into import changes nothing', () => {
    const objectives = [
      {
        title: 'Grow revenue',
        keyResults: [{ title: 'MRR', series: 'mrr', period: '2026-Q3', kind: 'increase', target: 200, milestones: [] }],
      },
    ];
    renderPanel('export', objectives);
    fireEvent.click(screen.getByRole('radio', { name: 'CSV' }));
    expect(screen.getByRole('link', { name: 'Download' })).toHaveAttribute('download', 'okrs.csv');
    const csv = (screen.getByRole('textbox', { name: 'Exported OKRs' }) as HTMLTextAreaElement).value;
    expect(csv.split(/\r?\n/)[1]).toBe('Grow revenue,MRR,mrr,2026-Q3,increase,,200,,,,');

    const { onApply } = renderPanel('import', objectives);
    paste(csv);
    expect(screen.getByText(/^0 added, 0 changed, 0 kept \(not in the import\), 1 unchanged$/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply import' })).toBeDisabled();
    expect(onApply).not.toHaveBeenCalled();
  });

  test('Copy writes the text to the clipboard', async () => {
    const writeText = jest.fn(() => Promise.resolve());
    Object.assign(navigator, { clipboard: { writeText } });
    renderPanel('export');
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(JSON.stringify(current, null, 2));
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeInTheDocument();
  });
});
