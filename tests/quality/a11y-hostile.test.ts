/** Every page of the hostile fixture study in one browser sweep: axe in light and dark mode, CSP, errors, 360 px (see axe-gate.ts). */
import { inject } from 'vitest';
import { axeGate } from './axe-gate.ts';

axeGate('the hostile fixture study', inject('hostileDistDir'));
