/**
 * A live process that holds the checkout's build lock, for tests of what a second build
 * does meanwhile: it takes the lock with the build's own code, prints "held <pid>", and
 * releases it when its standard input closes.
 */
import { resolve } from 'node:path';
import { acquireBuildLock } from '../../src/cli/build-lock.ts';

const release = acquireBuildLock(resolve(import.meta.dirname, '..', '..', 'node_modules', '.casebook-build.lock'), { tookOver: () => {}, waiting: () => {} });
process.stdout.write(`held ${process.pid}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  release();
  process.exit(0);
});
