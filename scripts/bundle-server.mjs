/**
 * `npm run build:server` bundles the server that `npm start` runs into one file, dist/govdesk.js
 * (issue 7: `npm start` to ready ≤ 3 s). Node loads the compiled server's 1,100 modules one file at
 * a time, about half a second of every start; one file loads in a fraction of that.
 *
 * Kept outside the bundle, loaded from node_modules as they are: packages that read their own
 * files next to their code (PGlite its WebAssembly, PDFKit its fonts, the Swagger plugins their
 * pages and package.json) and pg's optional native binding.
 */
import { build } from 'esbuild';

const EXTERNAL = [
  '@electric-sql/pglite',
  '@electric-sql/pglite/*',
  'pdfkit',
  '@fastify/swagger',
  '@fastify/swagger-ui',
  'pg-native',
];

await build({
  entryPoints: ['src/server/main.ts'],
  outfile: 'dist/govdesk.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // For stack traces (`npm start` runs with --enable-source-maps), which need the mappings only:
  // without the sources inside, Node reads a map a third the size at every start.
  sourcemap: true,
  sourcesContent: false,
  external: EXTERNAL,
  // The CommonJS packages inside call `require` for Node's own modules.
  banner: {
    js: "import { createRequire as govdeskRequire } from 'node:module'; const require = govdeskRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
