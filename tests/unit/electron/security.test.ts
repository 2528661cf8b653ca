import { describe, expect, it } from 'vitest';
import {
  isPermissionAllowed,
  isTrustedSenderUrl,
  shouldAllowDownload,
  shouldAllowNavigation,
  toApiRequest,
  windowOptions,
} from '../../../main/electron/security';

describe('windowOptions', () => {
  const options = windowOptions('/opt/petition-desk/dist/main/preload.cjs');
  const prefs = options.webPreferences ?? {};

  it('isolates the page from Node and from the preload', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and extra surfaces off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.plugins).toBe(false);
  });

  it('loads the given preload and hides developer tools unless asked', () => {
    expect(prefs.preload).toBe('/opt/petition-desk/dist/main/preload.cjs');
    expect(prefs.devTools).toBe(false);
    expect(windowOptions('/p.cjs', { devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('opens at 1366x768, not smaller than 1100x700, titled 信访工作台, hidden until painted', () => {
    expect(options).toMatchObject({ width: 1366, height: 768, minWidth: 1100, minHeight: 700, show: false });
    expect(options.title).toBe('信访工作台');
  });

  it('returns a fresh object each time, so one caller cannot weaken another window', () => {
    const a = windowOptions('/p.cjs');
    if (a.webPreferences) a.webPreferences.nodeIntegration = true;
    expect(windowOptions('/p.cjs').webPreferences?.nodeIntegration).toBe(false);
  });
});

describe('isTrustedSenderUrl', () => {
  it.each([
    'app://desk/index.html',
    'app://desk/',
    'app://desk',
    'app://desk/petitions/12?tab=steps#top',
    'APP://desk/index.html',
  ])('trusts the app page %s', (url) => {
    expect(isTrustedSenderUrl(url)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['not a URL', 'desk'],
    ['file:', 'file:///opt/petition-desk/dist/renderer/index.html'],
    ['http:', 'http://desk/index.html'],
    ['https:', 'https://desk/index.html'],
    ['localhost in browser mode', 'http://127.0.0.1:5173/'],
    ['look-alike host suffix', 'app://desk.evil/'],
    ['look-alike host prefix', 'app://evil.desk/'],
    ['userinfo hiding the host', 'app://desk@evil/'],
    ['userinfo before the host', 'app://evil@desk/'],
    ['a port', 'app://desk:8080/'],
    ['no authority', 'app:desk'],
    ['empty host', 'app:///desk/index.html'],
    ['trailing dot host', 'app://desk./'],
    ['blob of the app origin', 'blob:app://desk/2f0c'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['javascript:', 'javascript:alert(1)'],
    ['about:blank', 'about:blank'],
    ['leading space', ' app://desk/'],
    ['newline inside the host', 'app://de\nsk/'],
    ['tab inside the scheme', 'ap\tp://desk/'],
    ['backslash', 'app://desk\\..\\x'],
    ['other scheme with the origin in its path', 'file:///app://desk/'],
  ])('refuses %s', (_label, url) => {
    expect(isTrustedSenderUrl(url)).toBe(false);
  });

  it('refuses values that are not strings at all', () => {
    expect(isTrustedSenderUrl(undefined as unknown as string)).toBe(false);
    expect(isTrustedSenderUrl({ toString: () => 'app://desk/' } as unknown as string)).toBe(false);
  });
});

describe('shouldAllowNavigation', () => {
  it('lets the page move within app://desk', () => {
    expect(shouldAllowNavigation('app://desk/index.html')).toBe(true);
    expect(shouldAllowNavigation('app://desk/petitions/3')).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'app://desk.evil/',
    'app://desk@evil/',
    'data:text/html,hi',
    'javascript:alert(1)',
    'about:blank',
    'mailto:office@example.com',
    '',
  ])('stops navigation to %s', (url) => {
    expect(shouldAllowNavigation(url)).toBe(false);
  });
});

describe('shouldAllowDownload', () => {
  it('allows exports the page makes itself', () => {
    expect(shouldAllowDownload('blob:app://desk/1b4e28ba-2fa1-11d2-883f-0016d3cca427')).toBe(true);
    expect(shouldAllowDownload('data:text/csv;charset=utf-8,a,b')).toBe(true);
    expect(shouldAllowDownload('app://desk/assets/template.xlsx')).toBe(true);
  });

  it('refuses downloads from anywhere else', () => {
    expect(shouldAllowDownload('https://example.com/setup.exe')).toBe(false);
    expect(shouldAllowDownload('blob:https://example.com/123')).toBe(false);
    expect(shouldAllowDownload('blob:app://desk.evil/123')).toBe(false);
    expect(shouldAllowDownload('file:///etc/shadow')).toBe(false);
  });
});

describe('isPermissionAllowed', () => {
  it('allows only plain-text clipboard writes from the app', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://desk')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://example.com')).toBe(false);
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'usb', 'serial', 'openExternal', 'fullscreen'])(
    'denies %s even to the app',
    (permission) => {
      expect(isPermissionAllowed(permission, 'app://desk/index.html')).toBe(false);
    },
  );
});

describe('toApiRequest', () => {
  it('keeps name, input and session', () => {
    expect(toApiRequest({ name: 'petitions.get', input: { id: 1 }, session: 'abc' })).toEqual({
      name: 'petitions.get',
      input: { id: 1 },
      session: 'abc',
    });
    expect(toApiRequest({ name: 'setup.get', input: {} })).toEqual({ name: 'setup.get', input: {}, session: null });
  });

  it('drops fields that are not part of the envelope', () => {
    expect(toApiRequest({ name: 'x', input: 1, extra: 'y' })).toEqual({ name: 'x', input: 1, session: null });
  });

  it.each([null, undefined, 'petitions.get', 42, [], {}, { name: '' }, { name: 7 }, { name: 'x', session: 5 }, { name: 'x'.repeat(101) }])(
    'refuses %j',
    (value) => {
      expect(toApiRequest(value)).toBeNull();
    },
  );
});
