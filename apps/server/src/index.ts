export * from './all-in-one.ts';
export * from './services.ts';
