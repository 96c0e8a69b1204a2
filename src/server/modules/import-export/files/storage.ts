import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import type { Config } from '../../../config.js';
import { AppError } from '../../../http/errors.js';

// Uploaded import files and finished export files live under DATA_DIR (uploads/, exports/), one
// folder per workspace. Records keep a relative key, never an absolute path.

export type Area = 'uploads' | 'exports';

export function fileKey(area: Area, workspaceId: string, id: string, ext: string): string {
  return path.posix.join(area, workspaceId, `${id}.${ext}`);
}

/** The absolute path of a key; refuses keys that would leave DATA_DIR. */
export function pathOf(config: Config, key: string): string {
  const root = path.resolve(config.DATA_DIR);
  const full = path.resolve(root, key);
  if (!full.startsWith(root + path.sep)) throw new Error(`file key outside DATA_DIR: ${key}`);
  return full;
}

export function tooLarge(limit: number): AppError {
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `The file is larger than the ${formatBytes(limit)} limit for imports; split it into smaller files`,
    { field: 'file' },
  );
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`;
}

/** Streams a body to a file, stopping with 413 (and removing the part written) once it passes `limit`. */
export async function saveStream(config: Config, key: string, source: Readable, limit: number): Promise<number> {
  const target = pathOf(config, key);
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > limit) done(tooLarge(limit));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(source, counter, fs.createWriteStream(target));
  } catch (err) {
    await removeFile(config, key);
    throw err;
  }
  return size;
}

export async function writeText(config: Config, key: string, text: string): Promise<number> {
  const target = pathOf(config, key);
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  await fs.promises.writeFile(target, text);
  return Buffer.byteLength(text);
}

export async function removeFile(config: Config, key: string | null): Promise<void> {
  if (key) await fs.promises.rm(pathOf(config, key), { force: true });
}

export async function fileSize(config: Config, key: string): Promise<number> {
  return (await fs.promises.stat(pathOf(config, key))).size;
}
