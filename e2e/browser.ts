// Which Chromium the end-to-end tests drive: $CHROMIUM_PATH if set, Debian's /usr/bin/chromium
// where it is installed, otherwise Playwright's own build (installed on first use).
import { existsSync } from 'node:fs';

export const systemChromium = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export const launchOptions = systemChromium
  ? {
      executablePath: systemChromium,
      // Debian's Chromium running as root in a container: no sandbox, no GPU, no calls home.
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    }
  : {};
