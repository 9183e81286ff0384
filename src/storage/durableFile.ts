import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Replaces `path` with `text` so that, once the promise resolves, the new content survives the
 * process being killed and the machine losing power, and a crash half-way leaves the old file whole:
 * write a temporary file beside it, flush it to the disk, rename it over the old one, and flush the
 * directory so the rename itself is on disk.
 */
export async function writeFileDurably(path: string, text: string): Promise<void> {
  const temporary = `${path}.saving`;
  const file = await open(temporary, 'w');
  try {
    await file.writeFile(text, 'utf8');
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temporary, path);
  await syncDirectory(dirname(path));
}

async function syncDirectory(directory: string): Promise<void> {
  // Windows cannot open a directory for fsync (and its renames are journalled by NTFS); elsewhere
  // a failure here is real and must reach the caller.
  if (process.platform === 'win32') return;
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
