// First paint of the explorer's start page, cold and warm (issue 20): starts `citegraph serve` on a database, opens
// the start page in headless chromium (1440×900, as the browser tests) right after the server says it listens, reads
// window.citegraph.timings, reloads once (warm), stops the server; alternates the builds given, RUNS times each.
// Usage: [DELAY_MS=10000] node first-paint.cjs DB RUNS NAME=PATH/TO/citegraph [NAME=PATH ...]
// DELAY_MS waits that long after "listening" before the first visit (a server started a moment before, not that instant).
'use strict';
const { spawn, execSync } = require('child_process');
const path = require('path');
const playwrightDir = process.env.PLAYWRIGHT_PACKAGE
  || path.resolve(__dirname, '../../tests/Host.Tests/bin/Debug/net10.0/.playwright/package');
const { chromium } = require(playwrightDir);

const [db, runs, ...builds] = process.argv.slice(2);
if (!db || !runs || builds.length === 0) { console.error('usage: node first-paint.cjs DB RUNS NAME=PATH [NAME=PATH ...]'); process.exit(2); }

async function serve(exe, port) {
  const child = spawn(exe, ['serve', '--db', db, '--urls', `http://127.0.0.1:${port}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise((resolve, reject) => {
    const onData = (d) => { if (/Now listening|listening on/i.test(String(d))) resolve(); };
    child.stdout.on('data', onData); child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${exe} exited ${code}`)));
    setTimeout(() => reject(new Error('no "listening" line in 120 s')), 120000);
  });
  return child;
}

async function measure(base) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    const ready = () => page.waitForFunction(() => { const g = document.getElementById('graph'); return g.dataset.mode === 'home' && g.dataset.ready === 'true'; }, null, { timeout: 120000 });
    const read = () => page.evaluate(() => [window.citegraph.timings.firstPaint, window.citegraph.timings.home]);
    await page.goto(base); await ready();
    const cold = await read();
    await page.reload(); await ready();
    const warm = await read();
    return { cold, warm };
  } finally { await browser.close(); }
}

(async () => {
  let port = 5790;
  for (let run = 1; run <= +runs; run++) {
    for (const b of builds) {
      const [name, exe] = b.split('=');
      const load = execSync('cut -d" " -f1 /proc/loadavg').toString().trim();
      const server = await serve(exe, ++port);
      try {
        await new Promise((r) => setTimeout(r, +(process.env.DELAY_MS || 0)));
        const { cold, warm } = await measure(`http://127.0.0.1:${port}/`);
        console.log(`${name}\trun ${run}\tload ${load}\tcold first paint ${cold[0].toFixed(0)} ms (overview+draw ${cold[1].toFixed(0)} ms)\twarm ${warm[0].toFixed(0)} ms (${warm[1].toFixed(0)} ms)`);
      } finally { server.kill('SIGINT'); await new Promise((r) => server.on('exit', r)); }
    }
  }
})().catch((e) => { console.error(e); process.exit(1); });
