export * from './route-table.ts';
export * from './config.ts';
export * from './gateway.ts';
export * from './gateway.errors.ts';
export * from './openapi.ts';
export * from './openapi-merge.ts';
export * from './upstream-proxy.ts';
export * from './realtime/index.ts';
