/** Every node type and its handler; the `satisfies` check fails the build when a type has none. */
import type { Handlers } from '../to-hast.ts';
import { marker } from './marker.ts';
import {
  breath,
  comment,
  cutoff,
  editorial,
  elision,
  hurriedStart,
  inaudible,
  intonation,
  laughInWord,
  laughter,
  latching,
  lengthening,
  loud,
  micropause,
  omission,
  pause,
  pitchStep,
  uncertain,
} from './notation.ts';
import { line, omissionLine, silence, transcript, turn } from './structure.ts';
import { text, whitespace } from './talk.ts';

export const handlers = {
  transcript,
  turn,
  line,
  silence,
  omissionLine,
  text,
  whitespace,
  pause,
  micropause,
  intonation,
  lengthening,
  latching,
  cutoff,
  elision,
  breath,
  laughter,
  laughInWord,
  loud,
  uncertain,
  inaudible,
  comment,
  omission,
  editorial,
  marker,
  pitchStep,
  hurriedStart,
} satisfies Handlers;
