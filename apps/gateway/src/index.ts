export * from './route-table.ts';
export * from './gateway.ts';
export * from './openapi.ts';
