import { join } from 'node:path';
import { AzuriteProcess, startAzuriteProcess } from '../../src/storage/azuriteProcess';

/**
 * Azurite for the sections that write a long history before they measure: started like every
 * other (src/storage/azuriteProcess.ts: its own process, in memory), with azuriteInsertCheck.js
 * preloaded so that writing the history does not cost the square of each partition's size. What
 * those sections measure are reads, which the preload does not touch.
 */
export async function startBulkAzurite(): Promise<AzuriteProcess> {
  const before = process.env.NODE_OPTIONS;
  process.env.NODE_OPTIONS = `${before ? `${before} ` : ''}--require ${join(__dirname, 'azuriteInsertCheck.js')}`;
  try {
    return await startAzuriteProcess();
  } finally {
    if (before === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = before;
  }
}
