// Builds the server for production: apps/server's two entry points (all-in-one and one service)
// bundled with the workspace packages into dist/server, npm packages left as imports.
// Running compiled JavaScript instead of transpiling TypeScript at start-up with tsx keeps about
// 80 MB less resident (bench/RESULTS.md) and starts faster.
import { readFileSync, rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const outdir = resolve('dist/server');

/**
 * A module that finds files beside its source (a service's migrations, the built web app) does it
 * through `import.meta.url`; in the bundle that would be the bundle's own address, so each such
 * module gets its source file's address, written relative to the bundle so the tree can move.
 */
const sourceImportMeta = {
  name: 'source-import-meta',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) {
        return { contents: text, loader: 'ts' };
      }
      const source = JSON.stringify(relative(outdir, args.path).split('\\').join('/'));
      return {
        contents: text.replaceAll('import.meta.url', `new URL(${source}, import.meta.url).href`),
        loader: 'ts',
      };
    });
  },
};

// Chunk names carry a hash: clear the last build's so only this one's are left.
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: ['apps/server/src/main.ts', 'apps/server/src/service-main.ts'],
  outdir,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // npm packages stay in node_modules; only the workspace's own TypeScript is compiled in.
  external: [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})],
  sourcemap: true,
  logLevel: 'warning',
  plugins: [sourceImportMeta],
});
