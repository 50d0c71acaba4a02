/**
 * Loaded by ava into every test worker before its test file (package.json `ava.require`).
 * A worker otherwise stays alive until its event loop is empty: one test that fails with a server,
 * a child process or a socket still open would keep its worker, and so `npm test`, running forever
 * instead of printing the summary. Once every test and teardown has run, the worker exits.
 */
import { registerCompletionHandler } from 'ava';

registerCompletionHandler(() => process.exit());
