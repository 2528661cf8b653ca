/**
 * Words of server mode (issue 16): the start-up flags' refusals, the instructions printed for installing the office
 * CA on each PC, and the refusals a browser on the office network can meet (host, origin, CSRF, sign-in).
 */
export const serverMode = {
  zh: {
    badge: '服务器模式',
    cli: {
      badListen: '监听地址“{value}”无法使用：请写成 IP 地址:端口，例如 --listen 192.168.10.5:8443（IPv6 写成 [地址]:端口，端口 1–65535）',
      badPublicName: '访问名称“{value}”无法使用：请写成各电脑访问本机所用的主机名或 IP 地址，例如 --public-name xfj.county.local',
      needsListen: '参数 {flag} 只能与 --listen 一起使用（服务器模式）',
      needsBoth: '请同时给出 --tls-cert 证书文件 和 --tls-key 私钥文件（PEM 格式），或都不给（使用本机生成的办公室根证书）',
      wildcardNeedsName: '监听 {address} 会接受本机所有网卡上的连接：请再用 --public-name 写明各电脑访问本机所用的名称或地址',
      badTlsFiles: '证书文件“{cert}”或私钥文件“{key}”无法使用（{reason}）：请给出 PEM 格式、互相匹配的证书和私钥',
      certMissesName: '证书文件“{cert}”没有包含“{name}”：请给出为该地址或名称签发的证书，或不给 --tls-cert/--tls-key，改用办公室根证书',
    },
    started: {
      title: '信访工作台（服务器模式）已启动，各电脑请用浏览器打开：{url}',
      ownCert: 'TLS 证书：{cert}（管理员提供）',
      caNew: '已生成办公室根证书。每台要使用信访工作台的电脑须先安装一次这个证书：',
      caKept: '办公室根证书（每台电脑只需安装一次，已安装的不必再装）：',
      caFile: '  证书文件：{file}（只复制这个 .crt 文件；同一文件夹里的 .key 私钥文件不能带出本机）',
      caFingerprint: '  指纹（SHA-256，安装时核对）：{fingerprint}',
      windows: '  Windows：双击证书文件 → 安装证书 → 本地计算机 → 将所有的证书都放入下列存储 → 浏览 → 受信任的根证书颁发机构 → 完成；也可运行 certmgr.msc，在“受信任的根证书颁发机构 → 证书”上右键 → 所有任务 → 导入。Chrome 和 Edge 使用 Windows 的证书，装好后重新打开浏览器。',
      linux: '  Linux（统信UOS、麒麟等）：sudo cp 证书文件 /usr/local/share/ca-certificates/petition-desk-office-ca.crt && sudo update-ca-certificates；Chrome/Chromium 另有自己的证书库：设置 → 隐私和安全 → 安全 → 管理证书 → 授权机构 → 导入，勾选“信任该证书，以标识网站”。',
      firefox: '  Firefox：设置 → 隐私与安全 → 证书 → 查看证书 → 证书颁发机构 → 导入，勾选“信任由此证书颁发机构来标识网站”。',
      serverIssued: '已为 {names} 签发新的服务器证书（办公室根证书不变，各电脑无需重新安装）。',
    },
    refused: {
      host: '请用 {url} 打开信访工作台（这个地址不是本服务器的访问地址）',
      origin: '请求不是从信访工作台的页面发出的，已拒绝：请在浏览器地址栏直接打开信访工作台后再操作',
      csrf: '页面的安全校验已失效，操作没有执行：请刷新页面，必要时重新登录',
      signIn: '请先登录信访工作台',
    },
  },
  en: {
    badge: 'Server mode',
    cli: {
      badListen: 'cannot listen on "{value}": write it as IP-ADDRESS:PORT, e.g. --listen 192.168.10.5:8443 (IPv6 as [ADDRESS]:PORT, port 1–65535)',
      badPublicName: 'cannot use the public name "{value}": write the host name or IP address the PCs use to reach this one, e.g. --public-name xfj.county.local',
      needsListen: 'the option {flag} works only with --listen (server mode)',
      needsBoth: 'give both --tls-cert FILE and --tls-key FILE (PEM), or neither (the office CA made on this PC is used)',
      wildcardNeedsName: 'listening on {address} accepts connections on every network card of this PC: name the host name or address the PCs use with --public-name',
      badTlsFiles: 'cannot use the certificate "{cert}" or the key "{key}" ({reason}): give a PEM certificate and the PEM key that matches it',
      certMissesName: 'the certificate "{cert}" does not name "{name}": give one issued for that address or name, or leave out --tls-cert/--tls-key to use the office CA',
    },
    started: {
      title: 'Petition desk (server mode) started; on each PC open {url} in a browser',
      ownCert: 'TLS certificate: {cert} (given by the administrator)',
      caNew: 'An office CA was made. Every PC that uses the petition desk must install its certificate once:',
      caKept: 'The office CA (install it once per PC; PCs that have it need nothing):',
      caFile: '  Certificate: {file} (copy this .crt file only; the .key file beside it must never leave this PC)',
      caFingerprint: '  Fingerprint (SHA-256, compare when installing): {fingerprint}',
      windows: '  Windows: double-click the certificate → Install Certificate → Local Machine → Place all certificates in the following store → Browse → Trusted Root Certification Authorities → Finish; or run certmgr.msc, right-click “Trusted Root Certification Authorities → Certificates” → All Tasks → Import. Chrome and Edge use the Windows store: restart the browser after.',
      linux: '  Linux (UOS, Kylin, …): sudo cp the certificate /usr/local/share/ca-certificates/petition-desk-office-ca.crt && sudo update-ca-certificates; Chrome/Chromium keep their own store: Settings → Privacy and security → Security → Manage certificates → Authorities → Import, and tick “Trust this certificate for identifying websites”.',
      firefox: '  Firefox: Settings → Privacy & Security → Certificates → View Certificates → Authorities → Import, and tick “Trust this CA to identify websites”.',
      serverIssued: 'A new server certificate was issued for {names} (same office CA: the PCs need nothing new).',
    },
    refused: {
      host: 'Open the petition desk at {url} (this address is not this server’s)',
      origin: 'The request did not come from the petition desk’s own page and was refused: open the petition desk from the address bar and try again',
      csrf: 'The page’s security check has expired and nothing was done: reload the page, and log in again if asked',
      signIn: 'Log in to the petition desk first',
    },
  },
};
