export * from './http.ts';
export * from './events.ts';
export * from './client.ts';
