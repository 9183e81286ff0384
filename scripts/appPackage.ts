// Builds the Teams app package (appPackage/*.json + icons -> zip) and validates it offline.
// Used by scripts/package-app.ts (the CLI) and by test/appPackage.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { AppManifestUtils } from '@microsoft/app-manifest';

// Fixed ids so a package can be built and side-loaded into the Agents Playground without any
// Azure registration; the version nibble (4) and variant (8) keep them well-formed GUIDs.
export const LOCAL_TEAMS_APP_ID = '00000000-0000-4000-8000-0000000000a1';
export const LOCAL_BOT_ID = '00000000-0000-4000-8000-000000000b07';

export const ICON_SIZES = { color: 192, outline: 32 } as const;
export type IconRole = keyof typeof ICON_SIZES;

export class PackageError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} problems:\n- ${problems.join('\n- ')}`);
    this.name = 'PackageError';
  }
}

// ---------------------------------------------------------------------------------------------
// Settings and placeholders

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
/** The tab's host, as in its URLs and the api:// URI of its single sign-on: lower case, no scheme or path. */
const DOMAIN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:\d{1,5})?$/;
/** Where `npm start` serves the tab; only a developer's own Teams client (sideloading, a tunnel) can use it. */
export const LOCAL_TAB_DOMAIN = 'localhost:3978';
const DEFAULTED_SETTINGS: ReadonlyArray<{ name: string; fallback: string; check: RegExp; shape: string }> = [
  { name: 'TEAMS_APP_ID', fallback: LOCAL_TEAMS_APP_ID, check: GUID, shape: 'a GUID' },
  { name: 'BOT_ID', fallback: LOCAL_BOT_ID, check: GUID, shape: 'a GUID' },
  { name: 'TAB_DOMAIN', fallback: LOCAL_TAB_DOMAIN, check: DOMAIN, shape: 'a lower-case host name' },
];

const listed = (names: readonly string[]): string => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

export interface ResolvedSettings {
  values: Record<string, string>;
  warnings: string[];
}

/** Placeholder values: the environment, plus the two ids and the tab's domain (defaulted, checked by shape). */
export function resolveSettings(env: NodeJS.ProcessEnv): ResolvedSettings {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined) values[key] = value;
  }
  const defaulted: string[] = [];
  for (const { name, fallback, check, shape } of DEFAULTED_SETTINGS) {
    // An empty `BOT_ID=` line in .env means "not configured yet", not "the empty id".
    const given = env[name]?.trim() ?? '';
    if (given === '') {
      defaulted.push(name);
      values[name] = fallback;
    } else if (!check.test(given)) {
      throw new PackageError([`${name} must be ${shape} like ${fallback}, got "${given}"`]);
    } else {
      values[name] = given;
    }
  }
  const warnings =
    defaulted.length === 0
      ? []
      : [`${listed(defaulted)} not set: using local placeholders, so this package is for local use only (Agents Playground), not for upload to Teams`];
  return { values, warnings };
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Replaces `${{NAME}}` in JSON text. Values are JSON-string-escaped because every placeholder
 * sits inside a JSON string; a quote in a value must not be able to change the document's shape.
 */
export function fillPlaceholders(text: string, values: Record<string, string>, file = 'template'): string {
  const missing = new Set<string>();
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) {
      missing.add(name);
      return whole;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  if (missing.size > 0) {
    throw new PackageError([`${file}: unresolved placeholder(s) ${[...missing].map((n) => `\${{${n}}}`).join(', ')}`]);
  }
  return filled;
}

// ---------------------------------------------------------------------------------------------
// Schema validation (offline, against the schemas bundled in @microsoft/app-manifest)

type AppManifestDoc = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
type AppManifestSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SCHEMA_URL =
  /^https:\/\/developer\.microsoft\.com(?:\/[a-z]{2}(?:-[a-z]{2})?)?\/json-schemas\/teams\/(v[0-9A-Za-z.]+)\/(MicrosoftTeams(?:\.Localization)?\.schema\.json)$/;

/**
 * Maps a Teams `$schema` URL to the copy bundled in @microsoft/app-manifest. We resolve it
 * ourselves, rather than letting validateAgainstSchema do it, because that function silently
 * falls back to downloading any schema it does not find locally; a build must not depend on that.
 */
export function bundledSchemaPath(schemaUrl: string): string {
  const match = SCHEMA_URL.exec(schemaUrl);
  if (!match) throw new Error(`$schema ${schemaUrl} is not a Teams manifest or localization schema URL`);
  const root = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = path.join(root, 'build', 'json-schemas', 'teams', match[1], match[2]);
  if (!fs.existsSync(file)) throw new Error(`$schema ${schemaUrl} is not bundled with @microsoft/app-manifest`);
  return file;
}

/**
 * Escapes `]` outside a character class. Every bundled MicrosoftTeams.Localization schema
 * (v1.8 to devPreview) has patternProperties like `activityTypes\[\b(...)\b]`; ajv compiles
 * patterns with the `u` flag, where a lone `]` is a syntax error, so validateAgainstSchema throws
 * on any localization file (known upstream: MicrosoftDocs/msteams-docs#8858). Without `u` the lone
 * `]` is a literal, so escaping it keeps the meaning.
 */
export function escapeLoneBrackets(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      out += ch + (pattern[i + 1] ?? '');
      i++;
    } else if (ch === '[' && !inClass) {
      inClass = true;
      out += ch;
    } else if (ch === ']') {
      out += inClass ? ch : '\\]';
      inClass = false;
    } else {
      out += ch;
    }
  }
  return out;
}

function compilesWithUnicodeFlag(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

function repairPatterns(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(repairPatterns);
  if (!isRecord(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'patternProperties' && isRecord(value)) {
      const props: Record<string, unknown> = {};
      for (const [pattern, sub] of Object.entries(value)) {
        props[compilesWithUnicodeFlag(pattern) ? pattern : escapeLoneBrackets(pattern)] = repairPatterns(sub);
      }
      out[key] = props;
    } else if (key === 'pattern' && typeof value === 'string' && !compilesWithUnicodeFlag(value)) {
      out[key] = escapeLoneBrackets(value);
    } else {
      out[key] = repairPatterns(value);
    }
  }
  return out;
}

export function loadBundledSchema(schemaUrl: string): AppManifestSchema {
  const raw: unknown = JSON.parse(fs.readFileSync(bundledSchemaPath(schemaUrl), 'utf8'));
  // The library's own types only describe app manifests; the schema is handed straight to ajv.
  return repairPatterns(raw) as AppManifestSchema;
}

/**
 * Validates a manifest or localization document against the bundled schema its `$schema` names.
 * Returns ajv's messages ("<json pointer> <message>. Details: ..."); empty means valid.
 */
export async function validateAgainstBundledSchema(doc: unknown): Promise<string[]> {
  if (!isRecord(doc)) return ['document is not a JSON object'];
  const schemaUrl = doc['$schema'];
  if (typeof schemaUrl !== 'string') return ['document has no $schema'];
  let schema: AppManifestSchema;
  try {
    schema = loadBundledSchema(schemaUrl);
  } catch (err) {
    return [(err as Error).message];
  }
  // validateAgainstSchema is a plain ajv run; the cast only satisfies its manifest-typed signature.
  return AppManifestUtils.validateAgainstSchema(doc as AppManifestDoc, schema);
}

// ---------------------------------------------------------------------------------------------
// Localization coverage

/** Resolves a localization key such as `bots[0].commandLists[1].commands[2].title` in the manifest. */
export function valueAtKey(manifest: unknown, key: string): unknown {
  let node: unknown = manifest;
  for (const part of key.split('.')) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!match) return undefined;
    node = isRecord(node) ? node[match[1]] : undefined;
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) {
      node = Array.isArray(node) ? node[Number(index[1])] : undefined;
    }
  }
  return node;
}

function arrayAt(node: unknown, key: string): unknown[] {
  const value = isRecord(node) ? node[key] : undefined;
  return Array.isArray(value) ? value : [];
}

/** Every user-visible string Tavla expects translated: app name/description, all commands, named tabs. */
export function translatableKeys(manifest: unknown): string[] {
  const keys = ['name.short', 'name.full', 'description.short', 'description.full'];
  arrayAt(manifest, 'bots').forEach((bot, b) =>
    arrayAt(bot, 'commandLists').forEach((list, l) =>
      arrayAt(list, 'commands').forEach((_command, c) => {
        keys.push(`bots[${b}].commandLists[${l}].commands[${c}].title`, `bots[${b}].commandLists[${l}].commands[${c}].description`);
      }),
    ),
  );
  arrayAt(manifest, 'staticTabs').forEach((tab, t) => {
    // The reserved "conversations" and "about" tabs have no name of their own to translate.
    if (isRecord(tab) && typeof tab['name'] === 'string') keys.push(`staticTabs[${t}].name`);
  });
  arrayAt(manifest, 'composeExtensions').forEach((extension, e) =>
    arrayAt(extension, 'commands').forEach((_command, c) => {
      keys.push(`composeExtensions[${e}].commands[${c}].title`, `composeExtensions[${e}].commands[${c}].description`);
    }),
  );
  return keys;
}

/**
 * Teams ignores keys that point nowhere and falls back to English for missing ones; both are
 * silent in the client, so a command added to the manifest without translations fails here.
 */
export function checkLocalization(manifest: unknown, localization: unknown, file: string): string[] {
  if (!isRecord(localization)) return [`${file}: not a JSON object`];
  const problems: string[] = [];
  for (const key of translatableKeys(manifest)) {
    const text = localization[key];
    if (typeof text !== 'string' || text.trim() === '') problems.push(`${file}: no translation for ${key}`);
  }
  for (const key of Object.keys(localization)) {
    if (key === '$schema' || key === 'localizationKeys') continue;
    if (typeof valueAtKey(manifest, key) !== 'string') problems.push(`${file}: ${key} does not match a string in the manifest`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// PNG reading (enough to check the two icons; 8-bit, non-interlaced)

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
}

interface PngChunk {
  type: string;
  data: Buffer;
}

function pngChunks(png: Buffer): PngChunk[] {
  if (png.length < 8 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG file');
  const chunks: PngChunk[] = [];
  let offset = 8;
  while (offset + 12 <= png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    chunks.push({ type, data: png.subarray(offset + 8, offset + 8 + length) });
    offset += 12 + length;
    if (type === 'IEND') break;
  }
  if (chunks[0]?.type !== 'IHDR') throw new Error('PNG does not start with IHDR');
  return chunks;
}

export function readPngHeader(png: Buffer): PngHeader {
  const ihdr = pngChunks(png)[0].data;
  return {
    width: ihdr.readUInt32BE(0),
    height: ihdr.readUInt32BE(4),
    bitDepth: ihdr[8],
    colorType: ihdr[9],
    interlace: ihdr[12],
  };
}

export interface DecodedPng {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row-major. */
  rgba: Buffer;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function predict(filter: number, left: number, up: number, upLeft: number, row: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4:
      return paeth(left, up, upLeft);
    default:
      throw new Error(`PNG row ${row} has unknown filter ${filter}`);
  }
}

/** Decodes any 8-bit non-interlaced PNG to RGBA, so icons exported by an editor can be checked too. */
export function decodePng(png: Buffer): DecodedPng {
  const chunks = pngChunks(png);
  const { width, height, bitDepth, colorType, interlace } = readPngHeader(png);
  const channels = CHANNELS[colorType];
  if (bitDepth !== 8 || channels === undefined || interlace !== 0) {
    throw new Error(`unsupported PNG layout (bit depth ${bitDepth}, colour type ${colorType}, interlace ${interlace})`);
  }
  const raw = zlib.inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) throw new Error('PNG image data is truncated');
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? pixels[y * stride + x - channels] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = y > 0 && x >= channels ? pixels[(y - 1) * stride + x - channels] : 0;
      pixels[y * stride + x] = (line[x] + predict(filter, left, up, upLeft, y)) & 0xff;
    }
  }
  const palette = chunks.find((c) => c.type === 'PLTE')?.data;
  const paletteAlpha = chunks.find((c) => c.type === 'tRNS')?.data;
  const rgba = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const p = pixels.subarray(i * channels, (i + 1) * channels);
    let px: [number, number, number, number];
    if (colorType === 6) px = [p[0], p[1], p[2], p[3]];
    else if (colorType === 2) px = [p[0], p[1], p[2], 255];
    else if (colorType === 4) px = [p[0], p[0], p[0], p[1]];
    else if (colorType === 0) px = [p[0], p[0], p[0], 255];
    else {
      if (!palette) throw new Error('palette PNG without PLTE');
      px = [palette[p[0] * 3], palette[p[0] * 3 + 1], palette[p[0] * 3 + 2], paletteAlpha?.[p[0]] ?? 255];
    }
    rgba.set(px, i * 4);
  }
  return { width, height, rgba };
}

/** Teams rejects icons of the wrong size and renders outline icons as a white-only mask. */
export function checkIcon(role: IconRole, file: string, png: Buffer): string[] {
  let decoded: DecodedPng;
  try {
    decoded = decodePng(png);
  } catch (err) {
    return [`${file}: ${(err as Error).message}`];
  }
  const size = ICON_SIZES[role];
  const problems: string[] = [];
  if (decoded.width !== size || decoded.height !== size) {
    problems.push(`${file}: ${role} icon must be ${size}x${size}, is ${decoded.width}x${decoded.height}`);
  }
  if (role === 'outline') {
    const { rgba } = decoded;
    for (let i = 0; i < rgba.length; i += 4) {
      if (rgba[i + 3] !== 0 && (rgba[i] !== 255 || rgba[i + 1] !== 255 || rgba[i + 2] !== 255)) {
        const pixel = i / 4;
        problems.push(`${file}: outline icon must be white on transparent; pixel (${pixel % decoded.width},${Math.floor(pixel / decoded.width)}) is not`);
        break;
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// ZIP (deflate, no library: the package is five small files and nothing in node_modules writes zips)

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** zlib.crc32 exists from Node 20.15; package.json allows any Node 20. */
export function crc32(data: Buffer): number {
  if (typeof zlib.crc32 === 'function') return zlib.crc32(data) >>> 0;
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipEntry {
  name: string;
  data: Buffer;
}

// 1980-01-01 00:00 in DOS format: a fixed stamp makes the same inputs produce the same bytes.
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1;

export function writeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = zlib.deflateRawSync(data, { level: 9 });
    // PNGs are already compressed; storing them avoids growing them.
    const method = deflated.length < data.length ? 8 : 0;
    const compressed = method === 8 ? deflated : data;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    // extra, comment, disk, internal and external attributes stay 0
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + compressed.length;
  }
  const centralSize = centrals.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** Reads a zip through its central directory, checking each entry's CRC. */
export function readZip(zip: Buffer): Map<string, Buffer> {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('no end-of-central-directory record');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    const stored = zip.subarray(dataAt, dataAt + compressedSize);
    const data = method === 8 ? zlib.inflateRawSync(stored) : method === 0 ? Buffer.from(stored) : undefined;
    if (!data) throw new Error(`${name}: unsupported compression method ${method}`);
    if (crc32(data) !== crc) throw new Error(`${name}: CRC mismatch`);
    entries.set(name, data);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------
// The package

export interface AppSources {
  /** manifest.json with placeholders filled, as it goes into the zip. */
  manifestText: string;
  manifest: unknown;
  localizations: Array<{ file: string; text: string; doc: unknown }>;
  icons: Array<{ role: IconRole; file: string; data: Buffer }>;
}

function packagePath(appDir: string, file: unknown, what: string, problems: string[]): string | undefined {
  // Entries keep their manifest-relative names, so they must stay inside the package folder.
  if (typeof file !== 'string' || file === '' || path.isAbsolute(file) || file.split(/[\\/]/).includes('..')) {
    problems.push(`manifest.json: ${what} must be a relative file name, got ${JSON.stringify(file)}`);
    return undefined;
  }
  const full = path.join(appDir, file);
  if (!fs.existsSync(full)) {
    problems.push(`manifest.json: ${what} ${file} does not exist in ${appDir}`);
    return undefined;
  }
  return full;
}

function parseJson(text: string, file: string, problems: string[]): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    problems.push(`${file}: invalid JSON (${(err as Error).message})`);
    return undefined;
  }
}

/** Reads manifest.json and the files it names, filling placeholders in the JSON files. */
export function loadAppSources(appDir: string, values: Record<string, string>): AppSources {
  const problems: string[] = [];
  const fill = (file: string, text: string): string => {
    try {
      return fillPlaceholders(text, values, file);
    } catch (err) {
      problems.push(...(err instanceof PackageError ? err.problems : [(err as Error).message]));
      return text;
    }
  };
  const manifestText = fill('manifest.json', fs.readFileSync(path.join(appDir, 'manifest.json'), 'utf8'));
  const manifest = parseJson(manifestText, 'manifest.json', problems);

  const localizations: AppSources['localizations'] = [];
  const localizationInfo = isRecord(manifest) ? manifest['localizationInfo'] : undefined;
  for (const language of arrayAt(localizationInfo, 'additionalLanguages')) {
    const file = isRecord(language) ? language['file'] : undefined;
    const full = packagePath(appDir, file, 'localization file', problems);
    if (full === undefined || typeof file !== 'string') continue;
    const text = fill(file, fs.readFileSync(full, 'utf8'));
    localizations.push({ file, text, doc: parseJson(text, file, problems) });
  }

  const icons: AppSources['icons'] = [];
  const iconNames = isRecord(manifest) && isRecord(manifest['icons']) ? manifest['icons'] : {};
  for (const role of Object.keys(ICON_SIZES) as IconRole[]) {
    const file = iconNames[role];
    const full = packagePath(appDir, file, `${role} icon`, problems);
    if (full !== undefined && typeof file === 'string') icons.push({ role, file, data: fs.readFileSync(full) });
  }

  if (problems.length > 0) throw new PackageError(problems);
  return { manifestText, manifest, localizations, icons };
}

/** All problems that would make Teams reject the package or show it half-translated. */
export async function validateAppSources(sources: AppSources): Promise<string[]> {
  const problems: string[] = [];
  for (const error of await validateAgainstBundledSchema(sources.manifest)) problems.push(`manifest.json: ${error}`);
  for (const { file, doc } of sources.localizations) {
    for (const error of await validateAgainstBundledSchema(doc)) problems.push(`${file}: ${error}`);
    problems.push(...checkLocalization(sources.manifest, doc, file));
  }
  for (const { role, file, data } of sources.icons) problems.push(...checkIcon(role, file, data));
  return problems;
}

export interface BuildOptions {
  appDir: string;
  outDir: string;
  env: NodeJS.ProcessEnv;
}

export interface BuildResult {
  zipPath: string;
  entries: string[];
  warnings: string[];
}

/** Fills, validates and zips the package; throws PackageError listing every problem found. */
export async function buildPackage({ appDir, outDir, env }: BuildOptions): Promise<BuildResult> {
  const { values, warnings } = resolveSettings(env);
  const sources = loadAppSources(appDir, values);
  const problems = await validateAppSources(sources);
  if (problems.length > 0) throw new PackageError(problems);

  const version = isRecord(sources.manifest) ? sources.manifest['version'] : undefined;
  const entries: ZipEntry[] = [
    { name: 'manifest.json', data: Buffer.from(sources.manifestText, 'utf8') },
    ...sources.icons.map(({ file, data }) => ({ name: file.replace(/\\/g, '/'), data })),
    ...sources.localizations.map(({ file, text }) => ({ name: file.replace(/\\/g, '/'), data: Buffer.from(text, 'utf8') })),
  ];
  fs.mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `tavla-${String(version)}.zip`);
  fs.writeFileSync(zipPath, writeZip(entries));
  return { zipPath, entries: entries.map((e) => e.name), warnings };
}
