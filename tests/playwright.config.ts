import { defineConfig } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { chromiumArgs, chromiumPath } from './e2e/support/chromium.ts';

// The built app served as in production: the real server, on its own port and a throwaway store.
const port = Number(process.env.E2E_PORT ?? 8181);
// Under the git-ignored test-results/, not /tmp, so that runs leave nothing outside the checkout.
const resultsDir = join(import.meta.dirname, '..', 'test-results');
mkdirSync(resultsDir, { recursive: true });
const dataDir = mkdtempSync(join(resultsDir, 'server-data-'));
// The shipped configuration with three seats per booked time, so that the booking test races for
// the last of several seats and other tests booking the same time do not take each other's.
const kioskConfig = join(dataDir, '..', `${basename(dataDir)}-config.json`);
writeFileSync(kioskConfig, JSON.stringify({ ...JSON.parse(readFileSync(join(import.meta.dirname, '..', 'src/config/municipality.default.json'), 'utf8')), booking: { slotMinutes: 15, daysAhead: 14, capacity: 3 } }));

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.browser.test.ts',
  outputDir: '../test-results/playwright',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
    serviceWorkers: 'allow',
    viewport: { width: 1080, height: 1920 },
  },
  webServer: {
    command: 'npx tsx src/server/main.ts',
    cwd: '..',
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    env: { PORT: String(port), DATA_DIR: dataDir, ENROLLMENT_CODE: 'E2E-ENROL-7K3M-9QXW-4TPA', ENROLLMENT_CODE_HOURS: '168', ENROLLMENT_CODE_MAX_USES: '100000', ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: 'e2e-admin-password', ADMIN_SECOND_FACTOR: 'optional', KIOSK_CONFIG: kioskConfig },
    stdout: 'ignore',
    stderr: 'pipe',
    timeout: 60_000,
  },
});
