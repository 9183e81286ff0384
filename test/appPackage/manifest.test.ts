import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  AppSources,
  PackageError,
  buildPackage,
  checkIcon,
  checkLocalization,
  decodePng,
  fillPlaceholders,
  loadAppSources,
  readPngHeader,
  readZip,
  resolveSettings,
  validateAgainstBundledSchema,
  validateAppSources,
  valueAtKey,
} from '../../scripts/appPackage';
import { encodePng } from '../../scripts/make-icons';

const ROOT = path.resolve(__dirname, '..', '..');
const APP_DIR = path.join(ROOT, 'appPackage');

interface CommandList {
  scopes: string[];
  commands: Array<{ title: string; description: string }>;
}
interface ManifestShape {
  $schema: string;
  manifestVersion: string;
  version: string;
  id: string;
  bots: Array<{ botId: string; scopes: string[]; commandLists: CommandList[] }>;
  composeExtensions: Array<{ botId: string; commands: Array<{ id: string; type: string; context: string[]; fetchTask: boolean }> }>;
}

function load(): AppSources {
  return loadAppSources(APP_DIR, resolveSettings({}).values);
}

function localization(sources: AppSources, file: string): Record<string, string> {
  const found = sources.localizations.find((l) => l.file === file);
  assert.ok(found, `${file} is listed in localizationInfo`);
  return found.doc as Record<string, string>;
}

function titlesOf(loc: Record<string, string>, list: number, count: number): string[] {
  return Array.from({ length: count }, (_, c) => loc[`bots[0].commandLists[${list}].commands[${c}].title`]);
}

describe('Teams app package', function () {
  // Compiling the Teams schema with ajv takes a noticeable fraction of a second per run.
  this.timeout(20000);

  let sources: AppSources;
  let manifest: ManifestShape;
  before(() => {
    sources = load();
    manifest = sources.manifest as ManifestShape;
  });

  describe('manifest', () => {
    it('uses manifest schema 1.19 and fills both ids', () => {
      assert.equal(manifest.manifestVersion, '1.19');
      assert.match(manifest.$schema, /\/teams\/v1\.19\/MicrosoftTeams\.schema\.json$/);
      assert.equal(manifest.id, '00000000-0000-4000-8000-0000000000a1');
      assert.equal(manifest.bots[0].botId, '00000000-0000-4000-8000-000000000b07');
      assert.equal(manifest.composeExtensions[0].botId, manifest.bots[0].botId);
      assert.doesNotMatch(sources.manifestText, /\$\{\{/);
    });

    it('validates against the bundled schema with no errors', async () => {
      assert.deepEqual(await validateAgainstBundledSchema(sources.manifest), []);
    });

    it('reports a broken field, so the validation can fail', async () => {
      const broken = structuredClone(manifest);
      broken.bots[0].scopes = ['nonsense'];
      const errors = await validateAgainstBundledSchema(broken);
      assert.ok(errors.some((e) => e.startsWith('/bots/0/scopes/0 ')), errors.join('\n'));
    });

    it('has the version of package.json, which names the zip', () => {
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
      assert.equal(manifest.version, pkg.version);
    });

    it('offers setup only in teams and reminder switches only in personal chat', () => {
      const titles = (scope: string): string[] =>
        manifest.bots[0].commandLists.filter((l) => l.scopes.includes(scope)).flatMap((l) => l.commands.map((c) => c.title));
      assert.deepEqual(titles('personal'), ['help', 'idea', 'board', 'my items', 'benefits', 'stop reminders', 'start reminders', 'approvals', 'digest', 'report']);
      assert.deepEqual(titles('team'), ['help', 'idea', 'board', 'my items', 'benefits', 'setup', 'report', 'revision', 'fishbone']);
      assert.deepEqual(titles('groupChat'), ['help', 'idea', 'board', 'my items', 'benefits']);
    });

    it('has the board as a personal tab beside the chat, and as a channel tab with a configuration page, all on TAB_DOMAIN', () => {
      const tabs = sources.manifest as {
        staticTabs: { entityId: string; name?: string; contentUrl?: string; scopes: string[] }[];
        configurableTabs: { configurationUrl: string; scopes: string[]; context: string[] }[];
        validDomains: string[];
        webApplicationInfo: { id: string; resource: string };
      };
      assert.deepEqual(tabs.staticTabs.map((t) => [t.entityId, t.scopes]), [['conversations', ['personal']], ['tavla-board', ['personal']]]);
      assert.equal(tabs.staticTabs[1].contentUrl, 'https://localhost:3978/tab/index.html?view=personal');
      assert.deepEqual(tabs.configurableTabs, [{ configurationUrl: 'https://localhost:3978/tab/index.html?view=config', canUpdateConfiguration: true, scopes: ['team'], context: ['channelTab'] }]);
      assert.deepEqual(tabs.validDomains, ['localhost:3978']);
      // Tab single sign-on: the application ID URI names the tab's domain and the bot's app id.
      assert.deepEqual(tabs.webApplicationInfo, { id: manifest.bots[0].botId, resource: `api://localhost:3978/botid-${manifest.bots[0].botId}` });
      const packed = loadAppSources(APP_DIR, resolveSettings({ TAB_DOMAIN: 'tavla.kommune.no' }).values).manifest as typeof tabs;
      assert.equal(packed.configurableTabs[0].configurationUrl, 'https://tavla.kommune.no/tab/index.html?view=config');
      assert.throws(() => resolveSettings({ TAB_DOMAIN: 'https://Tavla.no/tab' }), (err: unknown) => err instanceof PackageError && /^TAB_DOMAIN must be a lower-case host name/.test(err.message));
    });

    it('has a message action that turns a message into an idea', () => {
      assert.deepEqual(manifest.composeExtensions[0].commands.map((c) => [c.id, c.type, c.context, c.fetchTask]), [
        ['saveAsIdea', 'action', ['message'], true],
      ]);
    });
  });

  describe('localization', () => {
    for (const file of ['nb.json', 'da.json']) {
      it(`${file} validates against the bundled localization schema with no errors`, async () => {
        assert.deepEqual(await validateAgainstBundledSchema(localization(sources, file)), []);
      });

      it(`${file} translates every name, description and command in the manifest`, () => {
        assert.deepEqual(checkLocalization(sources.manifest, localization(sources, file), file), []);
        manifest.bots[0].commandLists.forEach((list, l) =>
          list.commands.forEach((_command, c) => {
            const key = `bots[0].commandLists[${l}].commands[${c}].title`;
            assert.equal(typeof valueAtKey(manifest, key), 'string');
            assert.ok(localization(sources, file)[key], `${file} has ${key}`);
          }),
        );
      });
    }

    it('nb and da translate the same keys', () => {
      assert.deepEqual(Object.keys(localization(sources, 'nb.json')).sort(), Object.keys(localization(sources, 'da.json')).sort());
    });

    it('uses the command words the bot understands', () => {
      const nb = localization(sources, 'nb.json');
      const da = localization(sources, 'da.json');
      assert.deepEqual(titlesOf(nb, 0, 10), ['hjelp', 'idé', 'tavle', 'mine', 'gevinster', 'stopp påminnelser', 'start påminnelser', 'godkjenninger', 'ukerapport', 'rapport']);
      assert.deepEqual(titlesOf(nb, 1, 9), ['hjelp', 'idé', 'tavle', 'mine', 'gevinster', 'oppsett', 'rapport', 'revisjon', 'fiskebein']);
      assert.deepEqual(titlesOf(da, 0, 10), ['hjælp', 'idé', 'tavle', 'mine', 'gevinster', 'stop påmindelser', 'start påmindelser', 'godkendelser', 'ugerapport', 'rapport']);
      assert.deepEqual(titlesOf(da, 1, 9), ['hjælp', 'idé', 'tavle', 'mine', 'gevinster', 'opsætning', 'rapport', 'revision', 'fiskeben']);
    });

    it('reports a too-long title, a missing translation and a key that points nowhere', async () => {
      const nb = { ...localization(sources, 'nb.json') };
      nb['bots[0].commandLists[0].commands[0].title'] = 'x'.repeat(33);
      delete nb['bots[0].commandLists[1].commands[5].title'];
      nb['bots[0].commandLists[1].commands[9].title'] = 'ingenting';
      const schemaErrors = await validateAgainstBundledSchema(nb);
      assert.ok(schemaErrors.some((e) => e.includes('commands[0].title must NOT have more than 32 characters')), schemaErrors.join('\n'));
      assert.deepEqual(checkLocalization(sources.manifest, nb, 'nb.json'), [
        'nb.json: no translation for bots[0].commandLists[1].commands[5].title',
        'nb.json: bots[0].commandLists[1].commands[9].title does not match a string in the manifest',
      ]);
    });
  });

  describe('icons', () => {
    const read = (file: string): Buffer => fs.readFileSync(path.join(APP_DIR, file));

    it('color.png is 192x192 and opaque', () => {
      assert.deepEqual([readPngHeader(read('color.png')).width, readPngHeader(read('color.png')).height], [192, 192]);
      const { rgba } = decodePng(read('color.png'));
      for (let i = 3; i < rgba.length; i += 4) assert.equal(rgba[i], 255, `pixel ${(i - 3) / 4} is opaque`);
      assert.deepEqual(checkIcon('color', 'color.png', read('color.png')), []);
    });

    it('outline.png is 32x32, white on a transparent background', () => {
      const header = readPngHeader(read('outline.png'));
      assert.deepEqual([header.width, header.height], [32, 32]);
      const { rgba } = decodePng(read('outline.png'));
      let transparent = 0;
      let solidWhite = 0;
      for (let i = 0; i < rgba.length; i += 4) {
        const [r, g, b, a] = rgba.subarray(i, i + 4);
        if (a === 0) transparent++;
        else assert.deepEqual([r, g, b], [255, 255, 255], `pixel ${i / 4} is white or transparent`);
        if (a === 255) solidWhite++;
      }
      assert.ok(transparent > 0 && solidWhite > 0, 'the outline has both a shape and a background');
      assert.deepEqual(checkIcon('outline', 'outline.png', read('outline.png')), []);
    });

    it('rejects a coloured outline and a wrongly sized colour icon', () => {
      const red = Buffer.alloc(32 * 32 * 4);
      for (let i = 0; i < red.length; i += 4) red.set([255, 0, 0, 255], i);
      assert.match(checkIcon('outline', 'outline.png', encodePng(32, red)).join('\n'), /must be white on transparent/);
      assert.match(checkIcon('color', 'color.png', encodePng(32, red)).join('\n'), /must be 192x192, is 32x32/);
    });
  });

  describe('settings', () => {
    it('defaults both ids with a warning when they are not set', () => {
      const { values, warnings } = resolveSettings({ BOT_ID: '' });
      assert.equal(values.TEAMS_APP_ID, '00000000-0000-4000-8000-0000000000a1');
      assert.equal(values.BOT_ID, '00000000-0000-4000-8000-000000000b07');
      assert.equal(warnings.length, 1);
      assert.match(warnings[0], /TEAMS_APP_ID, BOT_ID and TAB_DOMAIN not set.*local use/);
      assert.equal(values.TAB_DOMAIN, 'localhost:3978');
    });

    it('uses ids from the environment without a warning', () => {
      const { values, warnings } = resolveSettings({ TEAMS_APP_ID: 'A1B2C3D4-0000-4000-8000-000000000001', BOT_ID: ' a1b2c3d4-0000-4000-8000-000000000002 ', TAB_DOMAIN: 'tavla.kommune.no' });
      assert.deepEqual([values.TEAMS_APP_ID, values.BOT_ID, values.TAB_DOMAIN, warnings], ['A1B2C3D4-0000-4000-8000-000000000001', 'a1b2c3d4-0000-4000-8000-000000000002', 'tavla.kommune.no', []]);
    });

    it('names the setting that is not a GUID', () => {
      assert.throws(() => resolveSettings({ BOT_ID: 'my-bot' }), (err: unknown) => err instanceof PackageError && /^BOT_ID must be a GUID.*"my-bot"$/.test(err.message));
    });

    it('lists unresolved placeholders and escapes values for JSON', () => {
      assert.throws(
        () => fillPlaceholders('{"a":"${{ONE}}","b":"${{TWO}}","c":"${{ONE}}"}', {}, 'x.json'),
        (err: unknown) => err instanceof PackageError && err.message === 'x.json: unresolved placeholder(s) ${{ONE}}, ${{TWO}}',
      );
      assert.deepEqual(JSON.parse(fillPlaceholders('{"a":"${{ONE}}"}', { ONE: 'say "hi"\\' })), { a: 'say "hi"\\' });
    });
  });

  describe('buildPackage', () => {
    let outDir: string;
    beforeEach(() => {
      outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavla-package-'));
    });
    afterEach(() => fs.rmSync(outDir, { recursive: true, force: true }));

    it('writes a zip with exactly the manifest, two icons and two translations at its root', async () => {
      const env = { TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555', BOT_ID: '11111111-2222-4333-8444-666666666666', TAB_DOMAIN: 'tavla.kommune.no' };
      const result = await buildPackage({ appDir: APP_DIR, outDir, env });
      assert.equal(result.zipPath, path.join(outDir, `tavla-${manifest.version}.zip`));
      assert.deepEqual(result.warnings, []);
      const entries = readZip(fs.readFileSync(result.zipPath));
      assert.deepEqual([...entries.keys()].sort(), ['color.png', 'da.json', 'manifest.json', 'nb.json', 'outline.png']);
      const packed = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as ManifestShape;
      assert.equal(packed.id, env.TEAMS_APP_ID);
      assert.equal(packed.bots[0].botId, env.BOT_ID);
      for (const file of ['color.png', 'outline.png', 'nb.json', 'da.json']) {
        assert.ok(entries.get(file)!.equals(fs.readFileSync(path.join(APP_DIR, file))), `${file} is packed unchanged`);
      }
    });

    it('refuses to write a package that fails validation', async () => {
      const appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavla-app-'));
      try {
        for (const file of fs.readdirSync(APP_DIR)) {
          if (fs.statSync(path.join(APP_DIR, file)).isFile()) fs.copyFileSync(path.join(APP_DIR, file), path.join(appDir, file));
        }
        fs.copyFileSync(path.join(APP_DIR, 'color.png'), path.join(appDir, 'outline.png'));
        await assert.rejects(buildPackage({ appDir, outDir, env: {} }), (err: unknown) => {
          assert.ok(err instanceof PackageError);
          assert.deepEqual(err.problems, [
            'outline.png: outline icon must be 32x32, is 192x192',
            'outline.png: outline icon must be white on transparent; pixel (0,0) is not',
          ]);
          return true;
        });
        assert.deepEqual(fs.readdirSync(outDir), []);
      } finally {
        fs.rmSync(appDir, { recursive: true, force: true });
      }
    });
  });

  it('passes the whole-package validation', async () => {
    assert.deepEqual(await validateAppSources(load()), []);
  });
});
