/**
 * Every integrator.io Handlebars helper the project knows, as the editor offers them (completion,
 * signatures, argument counts) and the README lists them: metadata only, so reading it loads
 * neither Handlebars nor moment.
 */
import { HelperInfo } from './helperTypes';
import { ARRAY_INFO } from './helpers/array.info';
import { AUTH_INFO } from './helpers/auth.info';
import { BLOCKS_INFO } from './helpers/blocks.info';
import { DATE_INFO } from './helpers/date.info';
import { ENCODING_INFO } from './helpers/encoding.info';
import { FORMAT_INFO } from './helpers/format.info';
import { MATH_INFO } from './helpers/math.info';
import { REGEX_INFO } from './helpers/regex.info';
import { STRING_INFO } from './helpers/string.info';
import { TYPE_LOGIC_INFO } from './helpers/typeLogic.info';

export const HELPERS: readonly HelperInfo[] = [
  ...MATH_INFO,
  ...FORMAT_INFO,
  ...TYPE_LOGIC_INFO,
  ...STRING_INFO,
  ...ARRAY_INFO,
  ...REGEX_INFO,
  ...ENCODING_INFO,
  ...DATE_INFO,
  ...AUTH_INFO,
  ...BLOCKS_INFO,
];

export const HELPER_BY_NAME: ReadonlyMap<string, HelperInfo> = new Map(HELPERS.map((h) => [h.name, h]));
