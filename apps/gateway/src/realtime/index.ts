export * from './protocol.ts';
export * from './hub.ts';
export * from './metrics.ts';
export * from './connection.ts';
export * from './register.ts';
