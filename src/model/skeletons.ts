/**
 * Starting documents for "New Export/Import/Flow/Connection/Integration/Script…": valid as
 * they stand, with the fields people fill in first.
 */
import { JsonObject } from '../api/types';
import { ResourceKind } from './resourceKinds';

export interface SkeletonInput {
  name: string;
  connectionId?: string;
  integrationId?: string;
}

export function skeletonFor(kind: ResourceKind, input: SkeletonInput): JsonObject | string {
  switch (kind) {
    case 'exports':
      return {
        name: input.name,
        _connectionId: input.connectionId ?? '',
        http: { method: 'GET', relativeURI: '/records', successMediaType: 'json', response: { resourcePath: 'records' } },
      };
    case 'imports':
      return {
        name: input.name,
        _connectionId: input.connectionId ?? '',
        http: { method: ['POST'], relativeURI: ['/records'], requestMediaType: 'json' },
        mapping: { fields: [{ extract: 'id', generate: 'externalId' }], lists: [] },
      };
    case 'flows':
      // New flows start disabled: an enabled, scheduled flow would run as soon as it is saved.
      return {
        name: input.name,
        ...(input.integrationId ? { _integrationId: input.integrationId } : {}),
        disabled: true,
        pageGenerators: [],
        pageProcessors: [],
      };
    case 'connections':
      return {
        name: input.name,
        type: 'http',
        http: {
          baseURI: 'https://api.example.com',
          mediaType: 'json',
          auth: { type: 'token', token: { token: '', location: 'header', scheme: 'Bearer' } },
        },
      };
    case 'integrations':
      return { name: input.name, description: '' };
    case 'filedefinitions':
      return { name: input.name, format: 'delimited', delimited: { rowDelimiter: '\n', colDelimiter: ',' } };
    case 'scripts':
      return `/*
 * ${input.name}
 * A hook receives \`options\` from integrator.io and returns what the hook type expects.
 * preSavePage: return { data, errors, abort, newErrorsAndRetryData }.
 */
function preSavePage(options) {
  return { data: options.data, errors: options.errors, abort: false, newErrorsAndRetryData: [] };
}
`;
  }
}
