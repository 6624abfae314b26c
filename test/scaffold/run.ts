/** The CLI in-process, for the workflow tests (see test/fixtures/capture.ts). */
export { runCli as run } from '../fixtures/capture.js';
