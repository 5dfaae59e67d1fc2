/**
 * Browser tests never skip for want of a browser: with no Chromium at CASEBOOK_CHROMIUM,
 * launching fails with the command that installs one. Run in a child process, since the
 * path is read once when the helper module loads.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-site.ts';

describe('launching the browser with no Chromium installed', () => {
  it('fails with the command that installs it', () => {
    const script = "import { launchBrowser } from './tests/helpers/browser.ts'; await launchBrowser().then(() => console.log('launched'), (error) => console.log(error.message));";
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: repoRoot,
      env: { ...process.env, CASEBOOK_CHROMIUM: '/nonexistent/chromium' },
      encoding: 'utf8',
      timeout: 600_000,
    });
    expect(result.stdout.trim()).toBe('No Chromium at /nonexistent/chromium. Install it with: sudo apt-get install -y chromium (or set CASEBOOK_CHROMIUM).');
  });
});
