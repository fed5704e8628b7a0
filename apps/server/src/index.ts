export * from './all-in-one.ts';
export * from './gateway-proxy.ts';
export * from './single-service.ts';
export * from './services.ts';
