/**
 * Node-only: the build products in dictionary/build/ (the dictionary artifact, the word frequencies) are compiled once
 * and reused until one of their sources is newer.
 */
import { mkdir, rename, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';

async function mtime(file: string): Promise<number> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return -1;
  }
}

/**
 * Returns `out` when it is at least as new as every source and `usable` accepts it; otherwise writes `compile()` there
 * first. The file is written aside and renamed, so parallel builds and test workers never read half a file, and it is
 * dated as its newest source, so that a source edited while it compiled still counts as newer.
 */
export async function cachedBuild(
  out: string,
  sources: readonly string[],
  compile: () => Promise<Uint8Array | string> | Uint8Array | string,
  usable: (file: string) => Promise<boolean> = async () => true,
): Promise<string> {
  const newest = Math.max(...(await Promise.all(sources.map(mtime))));
  if ((await mtime(out)) >= newest && (await usable(out))) return out;
  const contents = await compile();
  await mkdir(path.dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, contents);
  await utimes(tmp, new Date(), new Date(newest));
  await rename(tmp, out);
  return out;
}
