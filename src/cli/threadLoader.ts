/**
 * The first code a sweep thread runs (as a Worker's `eval` source, a CommonJS script): it compiles the
 * thread's bundle (threadBundle.ts, passed as `workerData`) with V8's code cache when there is one, so
 * a thread skips parsing and compiling the engine's functions, and runs it as a CommonJS module. When
 * there is no cache yet (or V8 refuses it: another Node, other flags), the thread writes one when its
 * first batch is done, before it answers (so a thread stopped after its answer has written it), when the
 * functions that batch ran are compiled too; written under a name of its own, then renamed, so a thread
 * starting meanwhile never reads half a file. A cache that cannot be written (a read-only disk) is only
 * a slower start. Its first line tells the main thread when the thread started (a worker's clock is
 * the main thread's), for bench:sweep's phases.
 */
export const THREAD_LOADER = `
const { parentPort, threadId, workerData } = require('node:worker_threads');
parentPort.postMessage({ started: performance.now() });
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const vm = require('node:vm');
const { file, codeCache } = workerData;
let cachedData;
try {
  cachedData = readFileSync(codeCache);
} catch {}
const wrapped = '(function (exports, require, module, __filename, __dirname) {' + readFileSync(file, 'utf8') + '\\n})';
const script = new vm.Script(wrapped, { filename: file, cachedData });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
if (cachedData === undefined || script.cachedDataRejected) {
  const post = parentPort.postMessage.bind(parentPort);
  parentPort.postMessage = (message) => {
    if ('ok' in message) {
      parentPort.postMessage = post;
      try {
        const tmp = codeCache + '.' + process.pid + '.' + threadId + '.tmp';
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, codeCache);
      } catch {}
    }
    post(message);
  };
}
`;
