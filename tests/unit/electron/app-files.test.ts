import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respondWithAppFile } from '../../../main/electron/app-files';
import { resolveAppFile, resolveAppRequest } from '../../../main/electron/security';
import { CONTENT_SECURITY_POLICY } from '../../../main/app';

// A built renderer folder next to a secret the page must never read. Made at load time: the traversal table
// below names the folder's absolute path.
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-protocol-'));
const root = path.join(base, 'renderer');

beforeAll(() => {
  fs.mkdirSync(path.join(root, 'assets', 'sub'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>信访工作台</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'sub', 'logo.svg'), '<svg/>');
  fs.writeFileSync(path.join(root, 'assets', '中文 名.png'), 'png');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'database password');
  // A decoy inside the folder: a resolver that let the URL parser normalise `..` away would serve it, so each
  // traversal case below fails for the right reason, not because the file happens to be missing.
  fs.writeFileSync(path.join(root, 'secret.txt'), 'decoy');
  fs.writeFileSync(path.join(root, 'index.html.js'), 'decoy');
  fs.mkdirSync(path.join(base, 'renderer-evil'));
  fs.writeFileSync(path.join(base, 'renderer-evil', 'x.js'), 'evil');
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
});

afterAll(() => {
  fs.rmSync(base, { recursive: true, force: true });
});

describe('resolveAppFile', () => {
  it('serves index.html for the bare origin and for /', () => {
    expect(resolveAppFile(root, 'app://desk/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://desk')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://desk/?x=1')).toBe(path.join(root, 'index.html'));
  });

  it('serves the decoy when asked for it plainly (so the refusals below are about the path, not the file)', () => {
    expect(resolveAppFile(root, 'app://desk/secret.txt')).toBe(path.join(root, 'secret.txt'));
  });

  it('maps paths to files under the folder, ignoring query and hash', () => {
    expect(resolveAppFile(root, 'app://desk/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppFile(root, 'app://desk/assets/sub/logo.svg?v=2#a')).toBe(path.join(root, 'assets', 'sub', 'logo.svg'));
    expect(resolveAppFile(root, 'app://desk/assets/%E4%B8%AD%E6%96%87%20%E5%90%8D.png')).toBe(
      path.join(root, 'assets', '中文 名.png'),
    );
  });

  it.each([
    ['dot-dot', 'app://desk/../secret.txt'],
    ['dot-dot deeper', 'app://desk/assets/../../secret.txt'],
    ['dot-dot into a sibling with the same prefix', 'app://desk/../renderer-evil/x.js'],
    ['encoded dot-dot', 'app://desk/%2e%2e/secret.txt'],
    ['upper-case encoded dot-dot', 'app://desk/%2E%2E/secret.txt'],
    ['half-encoded dot-dot', 'app://desk/.%2e/secret.txt'],
    ['encoded slash', 'app://desk/..%2fsecret.txt'],
    ['encoded slash inside a path', 'app://desk/assets%2f..%2f..%2fsecret.txt'],
    ['backslash', 'app://desk/..\\secret.txt'],
    ['encoded backslash', 'app://desk/..%5csecret.txt'],
    ['absolute path after a double slash', `app://desk//${base.slice(1)}/secret.txt`],
    ['encoded absolute path', `app://desk/${encodeURIComponent(path.join(base, 'secret.txt'))}`],
    ['drive letter', 'app://desk/C:/Windows/win.ini'],
    ['single dot', 'app://desk/./index.html'],
    ['NUL byte', 'app://desk/index.html%00.js'],
    ['broken escape', 'app://desk/%E4%B8'],
    ['symlink out of the folder', 'app://desk/assets/link.txt'],
    ['a folder', 'app://desk/assets'],
    ['a folder with a trailing slash', 'app://desk/assets/'],
    ['a missing file', 'app://desk/assets/missing.js'],
    ['another host', 'app://evil/index.html'],
    ['a look-alike host', 'app://desk.evil/index.html'],
    ['userinfo', 'app://desk@evil/index.html'],
    ['a port', 'app://desk:80/index.html'],
    ['file:', `file://${path.join(root, 'index.html')}`],
    ['https:', 'https://desk/index.html'],
    ['not a URL', 'index.html'],
    ['empty', ''],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });
});

describe('resolveAppRequest', () => {
  it('answers a client-side route with index.html', () => {
    expect(resolveAppRequest(root, 'app://desk/petitions/12')).toBe(path.join(root, 'index.html'));
  });

  it('does not turn a missing asset or a traversal into index.html', () => {
    expect(resolveAppRequest(root, 'app://desk/assets/missing.js')).toBeNull();
    expect(resolveAppRequest(root, 'app://desk/../secret')).toBeNull();
    expect(resolveAppRequest(root, 'app://evil/petitions')).toBeNull();
  });
});

describe('respondWithAppFile', () => {
  it('serves HTML with the content security policy', async () => {
    const response = await respondWithAppFile(root, new Request('app://desk/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('信访工作台');
  });

  it('serves module scripts as JavaScript without a CSP of their own', async () => {
    const response = await respondWithAppFile(root, new Request('app://desk/assets/index-abc.js'));
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers 404 for a traversal and for a missing file', async () => {
    // Request (like Chromium) already resolves plain `..`; an encoded slash survives to the handler.
    expect((await respondWithAppFile(root, new Request('app://desk/assets/..%2f..%2f..%2fsecret.txt'))).status).toBe(404);
    expect((await respondWithAppFile(root, new Request('app://desk/assets/link.txt'))).status).toBe(404);
    expect((await respondWithAppFile(root, new Request('app://desk/nope.js'))).status).toBe(404);
  });

  it('refuses anything but GET and HEAD', async () => {
    const response = await respondWithAppFile(root, new Request('app://desk/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
    const head = await respondWithAppFile(root, new Request('app://desk/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
