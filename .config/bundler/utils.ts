import fs from 'fs';
import process from 'process';
import os from 'os';
import path from 'path';
import { SOURCE_DIR } from './constants.ts';

export function isWSL() {
  if (process.platform !== 'linux') {
    return false;
  }

  if (os.release().toLowerCase().includes('microsoft')) {
    return true;
  }

  try {
    return fs.readFileSync('/proc/version', 'utf8').toLowerCase().includes('microsoft');
  } catch {
    return false;
  }
}

function loadJson(path: string) {
  const rawJson = fs.readFileSync(path, 'utf8');
  return JSON.parse(rawJson);
}

export function getPackageJson() {
  return loadJson(path.resolve(process.cwd(), 'package.json'));
}

export function getPluginJson() {
  // OKR Overlay keeps plugin.json at the top level (design card); the build copies it into dist/.
  return loadJson(path.resolve(process.cwd(), 'plugin.json'));
}

export function getCPConfigVersion() {
  const cprcJson = path.resolve(process.cwd(), './.config', '.cprc.json');
  return fs.existsSync(cprcJson) ? loadJson(cprcJson).version : { version: 'unknown' };
}

export function hasReadme() {
  return fs.existsSync(path.resolve(process.cwd(), SOURCE_DIR, 'README.md'));
}

// OKR Overlay is a single panel plugin: its one entry is src/module.ts (plugin.json is at the top level).
export async function getEntries() {
  return { module: path.resolve(process.cwd(), SOURCE_DIR, 'module.ts') };
}
