/** The public surface of the API layer. */
export * from './client';
export * from './connectionActions';
export * from './environments';
export * from './errorManagement';
export * from './errors';
export * from './jobs';
export * from './paging';
export * from './resources';
export * from './transport';
export * from './types';
