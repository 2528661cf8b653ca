/**
 * Browser mode serves the fonts the app ships for notices under /notice-fonts/, for the A4 preview: font files
 * from that one folder and nothing else.
 */
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../main/app';
import { startHost, type Host } from '../../main/host';
import { tempDir } from './support/temp-dir';

let app: App;
let host: Host;

function get(urlPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: host.port, path: urlPath, headers: { host: `127.0.0.1:${host.port}` } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

let root: string;

beforeAll(async () => {
  root = tempDir('notice-fonts');
  const rendererDir = path.join(root, 'renderer');
  const fontDir = path.join(root, 'fonts');
  fs.mkdirSync(rendererDir);
  fs.mkdirSync(fontDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(fontDir, 'NotoSerifSC-Regular.woff2'), 'wOF2');
  fs.writeFileSync(path.join(fontDir, 'notes.txt'), 'not a font');
  fs.writeFileSync(path.join(root, 'secret.woff2'), 'outside');
  app = await openApp({ dataDir: path.join(root, 'data'), startScheduler: false });
  host = await startHost(app, { rendererDir, noticeFontDir: fontDir });
});

afterAll(async () => {
  await host.close();
  await app.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('/notice-fonts/', () => {
  it('serves a font file from the font folder', async () => {
    expect(await get('/notice-fonts/NotoSerifSC-Regular.woff2')).toBe(200);
  });

  it('refuses other files, missing fonts and paths that leave the folder', async () => {
    expect(await get('/notice-fonts/notes.txt')).toBe(404);
    expect(await get('/notice-fonts/missing.woff2')).toBe(404);
    expect(await get('/notice-fonts/../secret.woff2')).toBe(404);
    expect(await get('/notice-fonts/%2e%2e/secret.woff2')).toBe(404);
  });
});
