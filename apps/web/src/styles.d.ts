// Vite bundles imported stylesheets; TypeScript only needs to know such imports are allowed.
declare module '*.css';
