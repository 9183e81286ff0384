// npm run build:tab: bundles the tab's page (web/tab) with esbuild into build/tab, next to its
// HTML and CSS. The bot's server serves that folder at /tab/ (src/tab/static/assets.ts). The
// bundle is built, never committed: npm start, npm run build and npm run test:browser build it.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

export const TAB_SOURCE = resolve(__dirname, '..', 'web', 'tab');
export const TAB_OUTPUT = resolve(__dirname, '..', 'build', 'tab');

export async function buildTab(options: { readonly quiet?: boolean } = {}): Promise<void> {
  // Chunk names change with their content: start from an empty folder so old ones do not pile up.
  rmSync(TAB_OUTPUT, { recursive: true, force: true });
  mkdirSync(TAB_OUTPUT, { recursive: true });
  const result = await build({
    entryPoints: [join(TAB_SOURCE, 'src', 'main.ts')],
    outdir: TAB_OUTPUT,
    entryNames: 'tab',
    // The Teams library is a chunk of its own, loaded only inside Teams (web/tab/src/host.ts).
    chunkNames: 'chunk-[hash]',
    splitting: true,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome110', 'edge110', 'safari16', 'firefox115'],
    minify: true,
    sourcemap: 'linked',
    legalComments: 'external',
    metafile: true,
    logLevel: options.quiet ? 'error' : 'warning',
    tsconfig: join(TAB_SOURCE, 'tsconfig.json'),
  });
  for (const file of ['index.html', 'tab.css']) copyFileSync(join(TAB_SOURCE, file), join(TAB_OUTPUT, file));
  // The app's own colour icon doubles as the page's icon outside Teams.
  copyFileSync(resolve(__dirname, '..', 'appPackage', 'color.png'), join(TAB_OUTPUT, 'icon.png'));
  if (!options.quiet) {
    const sizes = Object.entries(result.metafile.outputs)
      .filter(([name]) => name.endsWith('.js'))
      .map(([name, output]) => `${name.split('/').pop()} ${Math.round(output.bytes / 1024)} KB`);
    console.log(`Built the tab into ${TAB_OUTPUT} (${sizes.join(', ')})`);
  }
}

if (require.main === module) {
  buildTab().catch((error: unknown) => {
    console.error(`build:tab failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
