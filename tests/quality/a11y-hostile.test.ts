/** axe-core over every page of the hostile fixture study, light and dark (see axe-gate.ts). */
import { inject } from 'vitest';
import { axeGate } from './axe-gate.ts';

axeGate('the hostile fixture study', inject('hostileDistDir'));
