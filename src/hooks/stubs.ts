/**
 * The starting code of a new script, per hook type: what `options` carries and what to return,
 * in the project's own words (../shared/docs/hooks.md has the contracts). Each one fits its
 * contract as it stands, so Run Hook… on a fresh stub passes.
 */
import { HookType } from './contracts';

const STUBS: Readonly<Record<HookType, { about: string[]; body: string }>> = {
  preSavePage: {
    about: [
      'preSavePage runs on each page an export reads, before the page goes on to the flow.',
      "options.data: the page's records · options.errors: errors so far · options.pageIndex, options.settings",
      'Return { data, errors }. Add abort: true to stop after this page, and',
      'newErrorsAndRetryData: [{ retryData, errors }] to raise errors that can be retried.',
    ],
    body: 'return { data: options.data, errors: options.errors };',
  },
  preMap: {
    about: [
      'preMap runs on each page before an import maps it.',
      'options.data: the records · options._importId, options.settings',
      'Return one element per record, in order: { data } to go on, { errors } to fail it, {} to skip it.',
    ],
    body: 'return options.data.map((record) => ({ data: record }));',
  },
  postMap: {
    about: [
      'postMap runs on each page after mapping, before the records are sent.',
      'options.preMapData: the records before mapping · options.postMapData: after',
      'Return one element per mapped record: { data }, { errors }, or {} to skip it.',
    ],
    body: 'return options.postMapData.map((record) => ({ data: record }));',
  },
  postSubmit: {
    about: [
      'postSubmit runs after the application answered for each record of a page.',
      'options.responseData: one answer per record ({ statusCode, errors, ignored, id, _json })',
      'options.preMapData, options.postMapData: the records before and after mapping',
      'Return responseData, one element per record (change errors to make them clearer).',
    ],
    body: 'return options.responseData;',
  },
  postAggregate: {
    about: [
      'postAggregate runs once, after an import that aggregates records into a file.',
      'options.postAggregateData: { success, _json, code, message, source }',
      'Its return value is not read.',
    ],
    body: "console.log('aggregate done:', options.postAggregateData.success);",
  },
  postResponseMap: {
    about: [
      "postResponseMap runs after a flow step's response was mapped back onto the records.",
      'options.postResponseMapData: the records · options.responseData: what the step answered',
      'Return postResponseMapData, one element per record.',
    ],
    body: 'return options.postResponseMapData;',
  },
  filter: {
    about: [
      'A filter script decides for each record whether it goes on.',
      'options.record, options.settings',
      'Return true to keep the record, false to drop it.',
    ],
    body: 'return true;',
  },
  transform: {
    about: ['A transform script reshapes each record.', 'options.record, options.settings', 'Return the transformed record.'],
    body: 'return { ...options.record };',
  },
  router: {
    about: [
      'A router script chooses the branches a record takes.',
      'options.record, options.settings',
      'Return the branches to take: their indices (0 for the first) or names.',
    ],
    body: 'return [0];',
  },
  handleRequest: {
    about: [
      'handleRequest answers a request to one of your APIs.',
      'options.method, options.headers, options.queryString, options.body, options.rawBody',
      'Return { statusCode, headers, body }.',
    ],
    body: 'return { statusCode: 200, headers: {}, body: { received: options.body } };',
  },
};

/** What a hook type is for, in a line (its stub's first). */
export function hookPurpose(type: HookType): string {
  return STUBS[type].about[0]!;
}

/** A new script holding one function of this hook type, named after it. */
export function hookStub(type: HookType, scriptName: string): string {
  const { about, body } = STUBS[type];
  return `/*
 * ${scriptName}
 *
${about.map((line) => ` * ${line}`).join('\n')}
 *
 * Run Hook… above the function runs it here on a sample before you save.
 */
function ${type}(options) {
  ${body}
}
`;
}
