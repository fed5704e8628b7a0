export * from './http.ts';
export * from './http-templates.ts';
export * from './http-attachments.ts';
export * from './http-views.ts';
export * from './my-work.http.ts';
export * from './critical-path.http.ts';
export * from './events.ts';
export * from './client.ts';
