/**
 * Text from an account or a folder as a picture may hold it: control and bidi characters dropped
 * (as the terminal's `printable` drops them: a bidi override makes a reviewer read something
 * else), then what XML 1.0 and most viewers cannot hold (U+FFFE, U+FFFF, lone surrogates).
 */
import { printable } from '../iac/printable';

const UNHOLDABLE = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function drawable(value: string): string {
  return printable(value).replace(UNHOLDABLE, '');
}
