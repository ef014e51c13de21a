/**
 * integratorProposeEdit: the one acting tool of this slice. It changes fields of a resource's
 * document as an unsaved edit in the editor, never the account: the user reads the change,
 * and their save goes through the save pipeline and its production guard like any other edit.
 * VS Code asks before it runs (`confirm`), naming the resource and the environment, PRODUCTION first.
 */
import { applyEdits, modify } from 'jsonc-parser';
import { ALL_KINDS, RESOURCE_KINDS, ResourceKind } from '../model/resourceKinds';
import { textOf } from '../model/describe';
import { environmentField, environmentLabel, environmentOf, inputObject, resourceOf } from './input';
import { accountData, AgentTool, ToolContext, ToolInputError } from './types';
import { cutText, oneLine, quotedName } from '../model/accountText';
import { isJsonObject } from '../api/types';
import { ENVIRONMENT_PROPERTY, resourceProperties } from './schemaParts';

export interface Change {
  /** JSON path segments, from the JSON pointer the model sent. */
  path: (string | number)[];
  pointer: string;
  /** undefined: remove the field. */
  value: unknown;
}

export interface ProposeEditInput {
  environment?: string;
  kind: Exclude<ResourceKind, 'scripts'>;
  id: string;
  changes: Change[];
}

/** Scripts are JavaScript documents, not JSON: they are not edited by path. */
const KINDS = ALL_KINDS.filter((kind): kind is Exclude<ResourceKind, 'scripts'> => kind !== 'scripts');
const MAX_CHANGES = 50;
const MAX_VALUE_TEXT = 100_000;
/** Fields the server owns: an edit of them would be refused at save, or make the document another resource's. */
const SERVER_FIELDS = new Set(['_id', 'lastModified', 'createdAt']);

export const proposeEdit: AgentTool<ProposeEditInput> = {
  name: 'integratorProposeEdit',
  editorOnly: true,
  title: 'Propose an edit to an integrator.io resource',
  description:
    'Proposes changes to one integrator.io resource (not a script) as an unsaved edit of its document in the editor: each change sets the field at a JSON pointer ("/pageSize", "/mapping/fields/0/extract") to a value, or removes it. Nothing is saved to the account: the user reviews the edit and saves it, or discards it. Returns the document\'s URI.',
  inputSchema: {
    type: 'object',
    properties: {
      environment: ENVIRONMENT_PROPERTY,
      ...resourceProperties(KINDS),
      changes: {
        type: 'array',
        minItems: 1,
        maxItems: MAX_CHANGES,
        items: {
          type: 'object',
          properties: {
            path: { type: 'string', description: 'A JSON pointer to the field: "/pageSize", "/http/relativeURI".' },
            value: { description: 'The new value (any JSON).' },
            remove: { type: 'boolean', description: 'true to remove the field instead.' },
          },
          required: ['path'],
        },
      },
    },
    required: ['kind', 'id', 'changes'],
  },
  read(input) {
    const o = inputObject(input, ['environment', 'kind', 'id', 'changes']);
    return { ...resourceOf(o, KINDS), changes: changesOf(o.changes), ...environmentField(o) };
  },
  async confirm(input, context) {
    const { env, name } = await targetOf(input, context);
    // Names quoted on one line and cut: a resource's name is anyone's text, and must not restate where the edit lands.
    const what = `the ${RESOURCE_KINDS[input.kind].singular} ${quotedName(name)} in ${env.production ? 'the PRODUCTION environment' : 'the environment'} ${quotedName(env.name)}`;
    return {
      title: `${env.production ? 'PRODUCTION: ' : ''}Edit ${what}?`,
      message: [
        `${env.production ? 'PRODUCTION. ' : ''}The agent proposes to change ${what}, as an unsaved edit in the editor: nothing reaches the account until you save it.`,
        // Each value shown (cut short): agreeing to "set /_connectionId" means nothing without what it is set to.
        ...input.changes.map((c) =>
          c.value === undefined ? `- remove ${oneLine(c.pointer)}` : `- set ${oneLine(c.pointer)} to ${shortJson(c.value)}`,
        ),
      ].join('\n'),
      environment: env,
    };
  },
  async invoke(input, context) {
    if (!context.documents) throw new ToolInputError('Edits are proposed only where there is an editor (VS Code).');
    const { env, name } = await targetOf(input, context);
    const uri = await context.documents.edit({ envId: env.id, kind: input.kind, id: input.id, name }, (text) =>
      applyChanges(text, input.changes),
    );
    return accountData({
      environment: environmentLabel(env),
      kind: input.kind,
      id: input.id,
      name,
      document: uri,
      saved: false,
      changes: input.changes.length,
      next: 'The edit is unsaved in the editor; the user reviews it and saves or discards it.',
    });
  },
};

async function targetOf(input: ProposeEditInput, context: ToolContext) {
  const env = environmentOf(context, input.environment);
  const client = await context.client(env.id);
  const doc = await RESOURCE_KINDS[input.kind].collection(client).get(input.id, { signal: context.signal });
  return { env, name: textOf(doc.name) ?? input.id };
}

/** The document's text with the changes made, its formatting kept (jsonc-parser edits only what changes). */
export function applyChanges(text: string, changes: Change[]): string {
  let out = text;
  for (const change of changes) {
    out = applyEdits(out, modify(out, change.path, change.value, { formattingOptions: { insertSpaces: true, tabSize: 2 } }));
  }
  return out;
}

function changesOf(value: unknown): Change[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_CHANGES)
    throw new ToolInputError(`"changes" must be an array of 1 to ${MAX_CHANGES} changes.`);
  return value.map((item, i) => {
    const change = isJsonObject(item) ? inputObject(item, ['path', 'value', 'remove']) : undefined;
    if (!change || typeof change.path !== 'string')
      throw new ToolInputError(`changes[${i}] needs "path": a JSON pointer such as "/pageSize".`);
    const path = pointerPath(change.path, i);
    const remove = change.remove === true;
    if (!remove && change.value === undefined) throw new ToolInputError(`changes[${i}] needs "value", or "remove": true.`);
    if (JSON.stringify(change.value ?? null).length > MAX_VALUE_TEXT) throw new ToolInputError(`changes[${i}].value is too large.`);
    return { path, pointer: change.path, value: remove ? undefined : change.value };
  });
}

/** "/a/0/b~1c" → ['a', 0, 'b/c'] (RFC 6901); the server's own fields are refused. */
function pointerPath(pointer: string, i: number): (string | number)[] {
  if (!pointer.startsWith('/') || pointer.length > 500)
    throw new ToolInputError(`changes[${i}].path must be a JSON pointer starting with "/".`);
  const path = pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9]\d{0,5})$/.test(s) ? Number(s) : s));
  if (SERVER_FIELDS.has(String(path[0])) && path.length === 1) throw new ToolInputError(`changes[${i}]: ${pointer} is set by the server.`);
  return path;
}

/** A value as JSON on one line (line separators and bidirectional marks too), cut past 200 characters. */
function shortJson(value: unknown): string {
  return oneLine(cutText(JSON.stringify(value) ?? String(value), 200));
}
