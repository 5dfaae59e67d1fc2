/** axe-core over every page of the bundled study, light and dark (see axe-gate.ts). */
import { inject } from 'vitest';
import { axeGate } from './axe-gate.ts';

axeGate('the bundled study', inject('distDir'));
