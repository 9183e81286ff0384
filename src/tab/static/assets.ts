import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import * as restify from 'restify';

/**
 * The tab's built page (npm run build:tab writes it to build/tab): a handful of files in one
 * folder. A requested name must be a plain file name (no slashes, no dots first), so nothing
 * outside the folder can be reached; files are read when asked and answered with an ETag.
 */

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,80}(\.[A-Za-z0-9]{1,8}){1,2}$/;

export function staticAssets(dir: string, headersFor: (type: string) => Record<string, string>) {
  return async (req: restify.Request, res: restify.Response): Promise<void> => {
    const name = String((req.params as Record<string, unknown> | undefined)?.file ?? '');
    const type = TYPES[extname(name)];
    if (!FILE_NAME.test(name) || !type) return void res.send(404, { error: 'notFound' });
    let content: Buffer;
    try {
      content = await readFile(join(dir, name));
    } catch {
      // Most likely the page was never built: say how, since only a developer sees this.
      return void res.send(404, { error: 'notFound', message: name === 'index.html' ? 'The tab is not built: run npm run build:tab' : 'No such file' });
    }
    const etag = `"${createHash('sha256').update(content).digest('base64url').slice(0, 27)}"`;
    for (const [header, value] of Object.entries(headersFor(type))) res.header(header, value);
    // Revalidated every time: a new deployment shows at once, an unchanged file costs a 304.
    res.header('Cache-Control', 'no-cache');
    res.header('ETag', etag);
    if (req.headers['if-none-match'] === etag) {
      res.statusCode = 304;
      return void res.end();
    }
    res.header('Content-Type', type);
    res.sendRaw(200, content);
  };
}
