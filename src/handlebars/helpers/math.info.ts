/** What the editor and the README say of the math helpers (implemented in math.ts). */
import { HelperInfo } from '../helperTypes';

/** Shared by the helpers whose docs only warn of "unexpected results" for bad input. */
const NAN_FOR_BAD_INPUT = 'A missing or non-numeric value gives NaN, as the docs say of multiply ("abc" → NaN), rather than an error.';

export const MATH_INFO: HelperInfo[] = [
  {
    name: 'abs',
    category: 'math',
    signature: '{{abs number}}',
    summary: 'Returns the absolute value of a number or numeric string, keeping its decimals.',
    minArgs: 1,
    maxArgs: 1,
    inferred: NAN_FOR_BAD_INPUT,
  },
  {
    name: 'add',
    category: 'math',
    signature: '{{add number1 number2 ...}}',
    summary: 'Adds any number of numbers or numeric strings (numerically: "33" + "11" is 44).',
    minArgs: 1,
    maxArgs: Infinity,
    inferred: `${NAN_FOR_BAD_INPUT} Unlike handlebars-helpers' two-argument add, it takes any number of values and never joins strings.`,
  },
  {
    name: 'avg',
    category: 'math',
    signature: '{{avg number1 number2 ...}}',
    summary: 'Returns the average of any number of numbers or numeric strings.',
    minArgs: 1,
    maxArgs: Infinity,
    inferred:
      "As handlebars-helpers' avg: an array argument is spread into its elements, and a non-numeric value adds nothing to the sum but still counts in the divisor.",
  },
  {
    name: 'ceil',
    category: 'math',
    signature: '{{ceil field}}',
    summary: 'Rounds a number up to the next whole number ({{ceil -2.8}} is -2).',
    minArgs: 1,
    maxArgs: 1,
    inferred: NAN_FOR_BAD_INPUT,
  },
  {
    name: 'divide',
    category: 'math',
    signature: '{{divide number1 number2}}',
    summary: 'Divides the first number by the second.',
    minArgs: 2,
    maxArgs: 2,
    inferred: `The docs' "10 / 3 = 3.3333" is abbreviated: the result is JavaScript's full 3.3333333333333335. Dividing by zero gives JavaScript's Infinity (or NaN for 0 / 0). ${NAN_FOR_BAD_INPUT}`,
  },
  {
    name: 'floor',
    category: 'math',
    signature: '{{floor field}}',
    summary: 'Rounds a number down to the whole number below it ({{floor -2.8}} is -3).',
    minArgs: 1,
    maxArgs: 1,
    inferred: NAN_FOR_BAD_INPUT,
  },
  {
    name: 'modulo',
    category: 'math',
    signature: '{{modulo a b}}',
    summary: "Returns the remainder of a divided by b, with JavaScript's % operator.",
    minArgs: 2,
    maxArgs: 2,
    inferred: `The docs' row-group loop shows no <hr> before A, yet 0 % 3 is 0: the <hr> is printed before A, D and so on. ${NAN_FOR_BAD_INPUT}`,
  },
  {
    name: 'multiply',
    category: 'math',
    signature: '{{multiply value1 value2}}',
    summary: 'Multiplies two numbers or numeric strings.',
    minArgs: 2,
    maxArgs: 2,
    inferred: 'A missing value gives NaN, as a non-numeric string does in the docs.',
  },
  {
    name: 'random',
    category: 'math',
    signature: '{{random "crypto"|"uuid"|"number" length}}',
    summary: 'Generates a random hexadecimal string ("crypto", "uuid") or digit string ("number") of the given length (default 32).',
    minArgs: 1,
    maxArgs: 2,
    inferred:
      'The type is read case-insensitively (the UI snippet writes "CRYPTO"/"UUID"); "crypto" and "uuid" give lowercase hexadecimal like the docs\' examples; "number" starts with a non-zero digit; the length is limited to 1024.',
  },
  {
    name: 'round',
    category: 'math',
    signature: '{{round field}}',
    summary: 'Rounds a number or numeric string to the nearest whole number.',
    minArgs: 1,
    maxArgs: 1,
    inferred: `Halves round as JavaScript's Math.round does (2.5 → 3, -2.5 → -2). ${NAN_FOR_BAD_INPUT}`,
  },
  {
    name: 'subtract',
    category: 'math',
    signature: '{{subtract minuend subtrahend}}',
    summary: 'Subtracts the second number from the first.',
    minArgs: 2,
    maxArgs: 2,
    inferred: `The docs' example reads bare names (ponies) from a context under record.; names resolve as Handlebars resolves them, so the bare names need top-level fields. ${NAN_FOR_BAD_INPUT}`,
  },
  {
    name: 'sum',
    category: 'math',
    signature: '{{sum field1 field2 field3}}',
    summary: 'Adds its arguments, or the elements of an array argument.',
    minArgs: 1,
    maxArgs: Infinity,
    inferred:
      "The docs' 17-element example adds up to 280, not the 290 shown. As handlebars-helpers' sum, array arguments are spread and non-numeric values are skipped.",
  },
  {
    name: 'toExponential',
    category: 'math',
    signature: '{{toExponential field fractionDigits}}',
    summary: 'Formats a number in exponential notation, optionally with fractionDigits digits after the point.',
    minArgs: 1,
    maxArgs: 2,
    inferred:
      'JavaScript always writes the exponent\'s sign: "12345" with 2 digits gives 1.23e+4, not the docs\' 1.23e4. Without fractionDigits, as many digits as needed (the docs); fractionDigits outside 0–100 is an error.',
  },
  {
    name: 'toFixed',
    category: 'math',
    signature: '{{toFixed field digits}}',
    summary: 'Formats a number with a fixed number of decimal places, rounding it.',
    minArgs: 1,
    maxArgs: 2,
    inferred: "Without digits, 0 decimals (handlebars-helpers' default); digits outside 0–100 is an error; a non-numeric value gives NaN.",
  },
  {
    name: 'toPrecision',
    category: 'math',
    signature: '{{toPrecision field precision}}',
    summary:
      'Formats a number to the given number of significant digits, switching to exponential notation when the integer part does not fit.',
    minArgs: 1,
    maxArgs: 2,
    inferred:
      "The docs' {{toPrecision 1234567.00 6}} → 123456 is wrong: JavaScript gives 1.23457e+6. Without precision, 1 (handlebars-helpers' default); precision outside 1–100 is an error.",
  },
];
