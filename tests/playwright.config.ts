import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath } from './e2e/support/chromium.ts';

// The built app served as in production: the real server, on its own port and a throwaway store.
const port = Number(process.env.E2E_PORT ?? 8181);
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));

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
    env: { PORT: String(port), DATA_DIR: dataDir, ENROLLMENT_CODE: 'e2e-enrol', ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: 'e2e-admin-password' },
    stdout: 'ignore',
    stderr: 'pipe',
    timeout: 60_000,
  },
});
