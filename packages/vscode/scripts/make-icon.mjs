#!/usr/bin/env node
// Renders images/icon.svg to images/icon.png (128×128, transparent corners) with Debian's
// Chromium (scripts/e2e/setup.sh installs it). Run once after editing the SVG; the PNG is
// committed (the marketplace needs a PNG icon).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../../scripts/e2e/code-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const svg = fs.readFileSync(path.join(here, '../images/icon.svg'), 'utf8');
const browser = await launchChromium();
try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: path.join(here, '../images/icon.png'), omitBackground: true });
} finally {
    await browser.close();
}
console.log('wrote images/icon.png');
