/** Every helper's implementation by name, for the engine (engine.ts). */
import { HelperFunction } from '../helperTypes';
import { ARRAY_HELPERS } from './array';
import { AUTH_HELPERS } from './auth';
import { BLOCKS_HELPERS } from './blocks';
import { DATE_HELPERS } from './date';
import { ENCODING_HELPERS } from './encoding';
import { FORMAT_HELPERS } from './format';
import { MATH_HELPERS } from './math';
import { REGEX_HELPERS } from './regex';
import { STRING_HELPERS } from './string';
import { TYPE_LOGIC_HELPERS } from './typeLogic';

export const HELPER_FUNCTIONS: Record<string, HelperFunction> = {
  ...MATH_HELPERS,
  ...FORMAT_HELPERS,
  ...TYPE_LOGIC_HELPERS,
  ...STRING_HELPERS,
  ...ARRAY_HELPERS,
  ...REGEX_HELPERS,
  ...ENCODING_HELPERS,
  ...DATE_HELPERS,
  ...AUTH_HELPERS,
  ...BLOCKS_HELPERS,
};
