// Where the browser suite writes its screenshots. A test run must leave the tree clean, so by default they go to
// the ignored tests/e2e/test-results/screenshots (the capture code still runs and can still fail). The reviewed
// pictures in docs/screenshots change only on request: `make screenshots` sets E2E_SCREENSHOT_DIR=docs/screenshots
// (a path relative to the repository, or absolute).
import path from 'node:path';

import { REPO_ROOT } from './server.mjs';

/** The folder screenshots are written to (created by the tests on first use). */
export const SCREENSHOT_DIR = process.env.E2E_SCREENSHOT_DIR
  ? path.resolve(REPO_ROOT, process.env.E2E_SCREENSHOT_DIR)
  : path.join(REPO_ROOT, 'tests', 'e2e', 'test-results', 'screenshots');
