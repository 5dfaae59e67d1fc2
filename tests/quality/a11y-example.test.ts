/** axe-core over every page of the example study of another shape, light and dark (see axe-gate.ts). */
import { inject } from 'vitest';
import { axeGate } from './axe-gate.ts';

axeGate('the example interview study', inject('exampleDistDir'));
