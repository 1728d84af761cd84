import fs from 'fs';
import path from 'path';
import process from 'process';

import { getPluginJson, hasReadme } from './utils.ts';

const pluginJson = getPluginJson();
const logoPaths: string[] = Array.from(new Set([pluginJson.info?.logos?.large, pluginJson.info?.logos?.small])).filter(
  Boolean
);
const screenshotPaths: string[] = pluginJson.info?.screenshots?.map((s: { path: string }) => s.path) || [];
// OKR Overlay: the top-level README shows images from src/img/ (right on GitHub); dist/README.md links them as
// img/… (the README rule in webpack.config.ts), so every image it links is copied to dist/img/.
const readmeImagePaths: string[] = Array.from(
  new Set(
    Array.from(
      fs.readFileSync(path.resolve(process.cwd(), 'README.md'), 'utf8').matchAll(/\]\(src\/(img\/[^)\s]+)\)/g),
      (m) => m[1]
    )
  )
).filter((imagePath) => !screenshotPaths.includes(imagePath) && !logoPaths.includes(imagePath));

export const copyFilePatterns = [
  // If src/README.md exists use it; otherwise the root README
  // To `compiler.options.output`
  { from: hasReadme() ? 'README.md' : '../README.md', to: '.', force: true },
  { from: '../plugin.json', to: '.' },
  { from: '../LICENSE', to: '.' },
  { from: '../CHANGELOG.md', to: '.', force: true },
  { from: '**/query_help.md', to: '.', noErrorOnMissing: true },
  ...logoPaths.map((logoPath) => ({ from: logoPath, to: logoPath })),
  ...screenshotPaths.map((screenshotPath) => ({
    from: screenshotPath,
    to: screenshotPath,
  })),
  ...readmeImagePaths.map((imagePath) => ({ from: imagePath, to: imagePath })),
];
