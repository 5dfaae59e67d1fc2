/** Every page of the example study of another shape in one browser sweep: axe in light and dark mode, CSP, errors, 360 px (see axe-gate.ts). */
import { inject } from 'vitest';
import { axeGate } from './axe-gate.ts';

axeGate('the example interview study', inject('exampleDistDir'));
