/**
 * Handlebars' syntax tree as its parser makes it, read through guards. Its typings give every
 * node `type: string` (a Program has no type of its own), so a switch on `type` narrows nothing;
 * they also make a mustache's `hash` required, where the parser leaves it out when there is none.
 */

/** A mustache (`{{ }}`, `{{{ }}}`) with its `hash` as the parser makes it: absent without `key=value`. */
export interface Mustache extends Omit<hbs.AST.MustacheStatement, 'hash'> {
  hash?: hbs.AST.Hash;
}

/** A block (`{{#each}}`, and a decorator block, which the parser makes the same way). */
export interface Block extends Omit<hbs.AST.BlockStatement, 'hash'> {
  hash?: hbs.AST.Hash;
}

/** A call inside a call (`(helper a b)`); the engine makes one from a mustache, whose name may be a literal. */
export interface Call extends Omit<hbs.AST.SubExpression, 'hash' | 'path'> {
  path: hbs.AST.PathExpression | hbs.AST.Literal;
  hash?: hbs.AST.Hash;
}

export function isProgram(node: hbs.AST.Node): node is hbs.AST.Program {
  return node.type === 'Program';
}

export function isMustache(node: hbs.AST.Node): node is Mustache {
  return node.type === 'MustacheStatement';
}

export function isBlock(node: hbs.AST.Node): node is Block {
  return node.type === 'BlockStatement';
}

export function isDecoratorBlock(node: hbs.AST.Node): node is Block {
  return node.type === 'DecoratorBlock';
}

export function isSubExpression(node: hbs.AST.Node): node is Call {
  return node.type === 'SubExpression';
}

export function isPath(node: hbs.AST.Node): node is hbs.AST.PathExpression {
  return node.type === 'PathExpression';
}
