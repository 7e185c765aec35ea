// Before the end-to-end tests: with no system Chromium, make sure Playwright's own is installed.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright';
import { systemChromium } from './browser';

if (systemChromium) {
  console.log(`e2e: using ${systemChromium}`);
} else if (existsSync(chromium.executablePath())) {
  console.log("e2e: using Playwright's Chromium");
} else {
  console.log("e2e: no system Chromium; installing Playwright's Chromium (first run only)");
  execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
}
