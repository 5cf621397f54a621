/**
 * Where the workspace's data folder is when `--data` is not given: found by
 * walking up from the current folder, as git finds `.git`. In each folder,
 * from the current one up to the root: the folder itself when it holds
 * framework.yaml (run from inside data/), else its `data/` when that holds
 * one (run from the workspace). Run from data/2026/, it finds data/.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';

export async function findDataFolder(from: string): Promise<string | undefined> {
  let dir = path.resolve(from);
  for (;;) {
    if (await hasFramework(dir)) return dir;
    if (await hasFramework(path.join(dir, 'data'))) return path.join(dir, 'data');
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

async function hasFramework(dir: string): Promise<boolean> {
  for (const name of ['framework.yaml', 'framework.yml']) {
    const info = await stat(path.join(dir, name)).catch(() => undefined);
    if (info?.isFile() === true) return true;
  }
  return false;
}
