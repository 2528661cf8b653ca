/**
 * Server mode's start-up flags (issue 16): `--listen` takes an IP address and an explicit port, `--public-name` a
 * host name or address, the TLS files come in a pair that names those addresses; each bad value is refused in one
 * line (Chinese, then English) that says what to write, before anything is made in the data folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedHosts, parseListen, parsePublicName } from '../../main/host/listen';
import { serverModeFrom } from '../../main/host/server-start';
import { officeTls } from '../../main/host/office-ca';
import { tempDir } from './support/temp-dir';

/** A data folder of its own; the run's temp root (support/temp-dir.ts) is removed when the run ends. */
const dataDir = () => tempDir('server-flags');

describe('--listen', () => {
  it('takes an IPv4 or bracketed IPv6 address with a port', () => {
    expect(parseListen('192.168.10.5:8443')).toEqual({ address: '192.168.10.5', port: 8443 });
    expect(parseListen('[::1]:443')).toEqual({ address: '::1', port: 443 });
    expect(parseListen('0.0.0.0:8443')).toEqual({ address: '0.0.0.0', port: 8443 });
  });

  it.each([
    ['a host name instead of an address', 'desk.county.local:8443'],
    ['no port', '192.168.10.5'],
    ['port 0', '192.168.10.5:0'],
    ['a port above 65535', '192.168.10.5:70000'],
    ['an address out of range', '192.168.10.256:8443'],
    ['IPv6 without brackets', '::1:8443'],
    ['a URL', 'https://192.168.10.5:8443'],
  ])('refuses %s, in one line saying how to write it', async (_what, value) => {
    expect(parseListen(value)).toBeNull();
    const dir = dataDir();
    expect(await serverModeFrom({ listen: value }, dir)).toEqual({
      refusal: `监听地址“${value}”无法使用：请写成 IP 地址:端口，例如 --listen 192.168.10.5:8443（IPv6 写成 [地址]:端口，端口 1–65535） / cannot listen on "${value}": write it as IP-ADDRESS:PORT, e.g. --listen 192.168.10.5:8443 (IPv6 as [ADDRESS]:PORT, port 1–65535)`,
    });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses every address of the PC without a public name for the certificate and the Host check', async () => {
    expect((await serverModeFrom({ listen: '0.0.0.0:8443' }, dataDir())) as { refusal: string }).toEqual({
      refusal: expect.stringMatching(/^监听 0\.0\.0\.0 会接受本机所有网卡上的连接：请再用 --public-name 写明各电脑访问本机所用的名称或地址 \/ /) as unknown,
    });
  });

  it('accepts in the Host header each name with the port, and the bare name on 443 only', () => {
    expect([...allowedHosts({ address: '192.168.10.5', port: 8443 }, 'xfj.county.local')]).toEqual(['192.168.10.5:8443', 'xfj.county.local:8443']);
    expect([...allowedHosts({ address: '::1', port: 443 }, null)]).toEqual(['[::1]:443', '[::1]']);
    // A wildcard is not a name anyone types.
    expect([...allowedHosts({ address: '0.0.0.0', port: 8443 }, 'xfj.county.local')]).toEqual(['xfj.county.local:8443']);
  });
});

describe('--public-name and the TLS files', () => {
  it('refuses a public name that is not a host name or an address', async () => {
    expect(parsePublicName('XFJ.County.Local')).toBe('xfj.county.local');
    for (const bad of ['xfj county', 'https://xfj.county.local', '-xfj.local', '10.0.0.300']) {
      expect(parsePublicName(bad)).toBeNull();
      expect(await serverModeFrom({ listen: '127.0.0.1:8443', publicName: bad }, dataDir())).toEqual({
        refusal: `访问名称“${bad}”无法使用：请写成各电脑访问本机所用的主机名或 IP 地址，例如 --public-name xfj.county.local / cannot use the public name "${bad}": write the host name or IP address the PCs use to reach this one, e.g. --public-name xfj.county.local`,
      });
    }
  });

  it('refuses the server flags without --listen, and one TLS file without the other', async () => {
    expect(await serverModeFrom({ publicName: 'xfj.county.local' }, dataDir())).toEqual({ refusal: '参数 --public-name 只能与 --listen 一起使用（服务器模式） / the option --public-name works only with --listen (server mode)' });
    expect(await serverModeFrom({ tlsKey: 'server.key' }, dataDir())).toEqual({ refusal: '参数 --tls-key 只能与 --listen 一起使用（服务器模式） / the option --tls-key works only with --listen (server mode)' });
    expect(((await serverModeFrom({ listen: '127.0.0.1:8443', tlsCert: 'server.crt' }, dataDir())) as { refusal: string }).refusal).toMatch(/^请同时给出 --tls-cert 证书文件 和 --tls-key 私钥文件/);
    expect(await serverModeFrom({}, dataDir())).toBeNull();
  });

  it('refuses TLS files that are missing, not a matching pair, or for another address', async () => {
    const dir = dataDir();
    const office = await officeTls(path.join(dir, 'elsewhere'), ['192.168.10.5']);
    const cert = path.join(dir, 'elsewhere', 'tls', 'server.crt');
    const key = path.join(dir, 'elsewhere', 'tls', 'server.key');
    const caKey = path.join(dir, 'elsewhere', 'tls', 'office-ca.key');
    expect(((await serverModeFrom({ listen: '127.0.0.1:8443', tlsCert: path.join(dir, 'none.crt'), tlsKey: key }, dir)) as { refusal: string }).refusal).toMatch(/^证书文件“.*none\.crt”或私钥文件“.*server\.key”无法使用（ENOENT）/);
    expect(((await serverModeFrom({ listen: '127.0.0.1:8443', tlsCert: cert, tlsKey: caKey }, dir)) as { refusal: string }).refusal).toMatch(/^证书文件“.*”或私钥文件“.*office-ca\.key”无法使用（.+）：请给出 PEM 格式、互相匹配的证书和私钥/);
    expect(((await serverModeFrom({ listen: '127.0.0.1:8443', tlsCert: cert, tlsKey: key }, dir)) as { refusal: string }).refusal).toMatch(/^证书文件“.*server\.crt”没有包含“127\.0\.0\.1”：/);
    // For the address it names, the same pair is taken as it is.
    const given = await serverModeFrom({ listen: '192.168.10.5:8443', tlsCert: cert, tlsKey: key }, dir);
    expect(given && 'mode' in given ? given.mode.tls.key : null).toBe(office.key);
    expect(fs.existsSync(path.join(dir, 'tls'))).toBe(false);
  });

  it('without TLS files, makes the office CA and prints where it is and how to install it on Windows and Linux', async () => {
    const dir = dataDir();
    const setup = await serverModeFrom({ listen: '127.0.0.1:8443', publicName: 'xfj.county.local' }, dir);
    if (!setup || !('mode' in setup)) throw new Error('expected server mode');
    const lines = setup.notes('https://xfj.county.local:8443/');
    expect(lines[0]).toBe('信访工作台（服务器模式）已启动，各电脑请用浏览器打开：https://xfj.county.local:8443/');
    expect(lines[1]).toBe('已生成办公室根证书。每台要使用信访工作台的电脑须先安装一次这个证书：');
    expect(lines).toContain(`  证书文件：${path.join(dir, 'tls', 'office-ca.crt')}（只复制这个 .crt 文件；同一文件夹里的 .key 私钥文件不能带出本机）`);
    expect(lines.some((l) => l.includes('certmgr.msc'))).toBe(true);
    expect(lines.some((l) => l.includes('update-ca-certificates'))).toBe(true);
    // The next start keeps the CA: the PCs need nothing new.
    const again = await serverModeFrom({ listen: '127.0.0.1:8443', publicName: 'xfj.county.local' }, dir);
    expect(again && 'mode' in again ? again.notes('u')[1] : null).toBe('办公室根证书（每台电脑只需安装一次，已安装的不必再装）：');
  });
});
