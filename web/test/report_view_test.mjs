// report.html's 3D view in Debian's headless Chromium (driven over the DevTools protocol by
// puppeteer-core; no browser is downloaded): the page loads from file:// with no console error,
// the WebGL canvas is not blank, pointing at an object shows its label, and the relation lines
// switch off and on.
//
// Usage: node web/test/report_view_test.mjs REPORT.html [SCREENSHOT.png]
// (run by ctest as mcp/ReportViewIntegration on the report the MCP client test generated).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const [report, screenshot] = process.argv.slice(2);
if (!report) {
  console.error('usage: report_view_test.mjs REPORT.html [SCREENSHOT.png]');
  process.exit(2);
}
const chromium = process.env.SCENECRAFT_CHROMIUM || '/usr/bin/chromium';

let browser;
let page;
const consoleErrors = [];
before(async () => {
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    // Root in a container has no sandbox; WebGL without a GPU goes through SwiftShader.
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
           '--disable-gpu-sandbox', '--no-first-run'],
  });
  page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 900 });
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('requestfailed', (r) => consoleErrors.push('request failed: ' + r.url()));
  await page.goto(pathToFileURL(path.resolve(report)).href, { waitUntil: 'load' });
  await page.waitForFunction(() => window.scViewer && window.scViewer.ready, { timeout: 60_000 });
});
after(async () => { await browser?.close(); });

// How many pixels of the canvas differ from its background, and a digest of all of them.
async function canvasPixels() {
  return page.evaluate(() => {
    const gl = document.querySelector('#sc-viewer canvas');
    const copy = document.createElement('canvas');
    copy.width = gl.width;
    copy.height = gl.height;
    const context = copy.getContext('2d');
    context.drawImage(gl, 0, 0);
    const data = context.getImageData(0, 0, copy.width, copy.height).data;
    let differing = 0;
    let digest = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) + Math.abs(data[i + 2] - data[2]) > 24) ++differing;
      digest = (digest * 31 + data[i] + 7 * data[i + 1] + 13 * data[i + 2]) >>> 0;
    }
    return { differing, total: data.length / 4, digest };
  });
}

test('the page loads from file:// without a console error', () => {
  assert.deepEqual(consoleErrors, []);
});

test('the canvas shows the scene', async () => {
  const { differing, total } = await canvasPixels();
  assert.ok(differing > total * 0.05, `${differing} of ${total} pixels differ from the background`);
});

test('pointing at an object shows its label', async () => {
  const ids = await page.evaluate(() => window.scViewer.objects);
  assert.ok(ids.length > 0);
  // The mouse reaches only what is in the viewport.
  await (await page.$('#sc-viewer')).scrollIntoView();
  let own = 0;
  for (const id of ids) {
    const p = await page.evaluate((i) => window.scViewer.screenPoint(i), id);
    await page.mouse.move(p.x, p.y);
    const label = await page.$eval('#sc-label', (e) => ({ text: e.textContent, shown: e.style.display }));
    // An object in front of this one's centre is named instead; every label names some object.
    if (label.shown === 'block') {
      assert.ok(ids.some((i) => label.text.startsWith(i + ' (')), label.text);
      if (label.text.startsWith(id + ' (')) ++own;
    }
  }
  assert.ok(own >= Math.ceil(ids.length / 2), `${own} of ${ids.length} objects named at their centre`);
  await page.mouse.move(2, 2);
});

test('the relation lines switch off and on', async () => {
  const lines = await page.evaluate(() => window.scViewer.relationLines);
  assert.ok(lines > 0);
  const before = await canvasPixels();
  await page.click('#sc-toggle-relations');
  const off = await canvasPixels();
  await page.click('#sc-toggle-relations');
  const on = await canvasPixels();
  assert.notEqual(off.digest, before.digest);
  assert.equal(on.digest, before.digest);
  if (screenshot) {
    const view = await page.$('#sc-viewer');
    await view.scrollIntoView();
    const ids = await page.evaluate(() => window.scViewer.objects);
    const p = await page.evaluate((i) => window.scViewer.screenPoint(i), ids[ids.length - 1]);
    await page.mouse.move(p.x, p.y);
    await view.screenshot({ path: screenshot });
  }
  assert.deepEqual(consoleErrors, []);
});
