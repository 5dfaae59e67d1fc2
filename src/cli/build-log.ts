/**
 * What `npm run build` passes on from Astro's output. Astro warns about its own set-up on
 * every build, in lines a researcher can do nothing about: that Shiki uses inline styles
 * (our policy allows style attributes, so highlighted code works), that the style policy's
 * 'self' does not apply to style attributes (it is not meant to). Those lines are
 * dropped; every other line, warnings about the study included, is passed on unchanged.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/** Astro's set-up warnings, matched on the line with colours removed. */
export const setupWarnings: readonly RegExp[] = [/\[WARN\] \[config\] Shiki syntax highlighting uses inline styles/, /\[WARN\] \[csp\] `security\.csp\.styleDirective` defines `style-src` resources/];

const ansi = /\u001b\[[0-9;]*m/g;

export function isSetupWarning(line: string): boolean {
  const plain = line.replace(ansi, '');
  return setupWarnings.some((pattern) => pattern.test(plain));
}

/** Copies `from` to `to` line by line, leaving out Astro's set-up warnings; resolves when `from` ends. */
export function passOn(from: Readable, to: Writable): Promise<void> {
  return new Promise((done) => {
    const lines = createInterface({ input: from, crlfDelay: Infinity });
    lines.on('line', (line) => {
      if (!isSetupWarning(line)) to.write(`${line}\n`);
    });
    lines.on('close', done);
  });
}
