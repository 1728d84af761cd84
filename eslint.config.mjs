import { defineConfig } from 'eslint/config';
import baseConfig from './.config/eslint.config.mjs';

export default defineConfig([
  {
    ignores: [
      '**/logs',
      '**/*.log',
      '**/npm-debug.log*',
      '**/yarn-debug.log*',
      '**/yarn-error.log*',
      '**/.pnpm-debug.log*',
      '**/node_modules/',
      '.yarn/cache',
      '.yarn/unplugged',
      '.yarn/build-state.yml',
      '.yarn/install-state.gz',
      '**/.pnp.*',
      '**/pids',
      '**/*.pid',
      '**/*.seed',
      '**/*.pid.lock',
      '**/lib-cov',
      '**/coverage',
      '**/dist/',
      '**/artifacts/',
      '**/work/',
      '**/ci/',
      'test-results/',
      'playwright-report/',
      'blob-report/',
      'playwright/.cache/',
      'playwright/.auth/',
      '**/.idea',
      '**/.eslintcache',
      'tests/sandbox/.build/',
      'test-results/',
    ],
  },
  ...baseConfig,
  {
    // The OKR core is pure: no React, no uPlot, no Grafana UI or runtime (STYLE.md, habit 1).
    files: ['src/okr/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*'], message: 'The OKR core is framework-free.' },
            { group: ['uplot', '@grafana/ui', '@grafana/ui/*', '@grafana/runtime', '@grafana/runtime/*'], message: 'The OKR core is framework-free.' },
            {
              group: ['../display/*', '../panel/*', '../chart/*', '../scorecard/*', '../scorecard', '../editor/*'],
              message: 'The core never imports from a view.',
            },
          ],
        },
      ],
    },
  },
  {
    // Imports run one way: core ← display pieces ← views (chart, scorecard, editor) ← panel ← module.
    files: ['src/display/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../panel/*', '../chart/*', '../scorecard/*', '../scorecard', '../editor/*'],
              message: 'Display pieces are shared by the views: they never import one.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/chart/**/*.{ts,tsx}', 'src/scorecard/**/*.{ts,tsx}', 'src/editor/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/panel/*', '**/panel'], message: 'Views never import the panel: the panel imports them.' },
          ],
        },
      ],
    },
  },
]);
