export * from './http.ts';
export * from './timesheet-http.ts';
export * from './rate-http.ts';
export * from './analytics-http.ts';
export * from './events.ts';
export * from './client.ts';
