export * from './database.ts';
export * from './mailbox.ts';
export * from './service-app.ts';
export * from './api.ts';
export * from './broker-relay.ts';
