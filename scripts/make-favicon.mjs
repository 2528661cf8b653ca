// Draws the page icon (信 in white on the seal red) with the local Chromium at 16, 32 and 48 px and writes
// renderer/public/favicon.ico, which Vite copies into the build. Run once when the icon changes:
//   node scripts/make-favicon.mjs
import { chromium } from 'playwright-core';
import fs from 'node:fs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--font-render-hinting=none'] });
const pngs = [];
for (const size of [16, 32, 48]) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">
    <div style="width:${size}px;height:${size}px;border-radius:${Math.round(size / 6)}px;background:#c8102e;display:flex;align-items:center;justify-content:center;
      color:#fff;font:700 ${Math.round(size * 0.78)}px/1 'Noto Serif CJK SC','Noto Sans CJK SC',serif">信</div></body></html>`);
  pngs.push({ size, data: await page.screenshot({ omitBackground: true, type: 'png' }) });
  await page.close();
}
await browser.close();
// ICO: header, one directory entry per image, then the PNG data (PNG-in-ICO, read by every current browser and Windows).
const header = Buffer.alloc(6); header.writeUInt16LE(0, 0); header.writeUInt16LE(1, 2); header.writeUInt16LE(pngs.length, 4);
let offset = 6 + 16 * pngs.length;
const entries = pngs.map(({ size, data }) => {
  const e = Buffer.alloc(16);
  e.writeUInt8(size % 256, 0); e.writeUInt8(size % 256, 1); e.writeUInt8(0, 2); e.writeUInt8(0, 3);
  e.writeUInt16LE(1, 4); e.writeUInt16LE(32, 6); e.writeUInt32LE(data.length, 8); e.writeUInt32LE(offset, 12);
  offset += data.length; return e;
});
fs.mkdirSync('renderer/public', { recursive: true });
fs.writeFileSync('renderer/public/favicon.ico', Buffer.concat([header, ...entries, ...pngs.map((p) => p.data)]));
console.log(`renderer/public/favicon.ico: ${fs.statSync('renderer/public/favicon.ico').size} bytes`);
