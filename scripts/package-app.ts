// npm run package: fills appPackage/manifest.json from the environment (or .env), validates the
// package offline and writes appPackage/build/tavla-<version>.zip.
import fs from 'node:fs';
import path from 'node:path';
import { PackageError, buildPackage } from './appPackage';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const envFile = path.join(root, '.env');
  if (fs.existsSync(envFile)) {
    // loadEnvFile arrived in Node 20.12 while package.json allows any Node 20. Variables already
    // set in the shell win over .env, because loadEnvFile does not overwrite them.
    if (typeof process.loadEnvFile === 'function') process.loadEnvFile(envFile);
    else console.warn('warning: this Node version cannot read .env; set TEAMS_APP_ID and BOT_ID in the shell');
  }

  const result = await buildPackage({
    appDir: path.join(root, 'appPackage'),
    outDir: path.join(root, 'appPackage', 'build'),
    env: process.env,
  });
  for (const warning of result.warnings) console.warn(`warning: ${warning}`);
  console.log(`Wrote ${path.relative(root, result.zipPath)} (${result.entries.join(', ')})`);
}

main().catch((err: unknown) => {
  console.error(err instanceof PackageError ? `package-app: ${err.message}` : err);
  process.exitCode = 1;
});
