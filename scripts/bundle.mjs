/**
 * Bundles the CLI into one ESM file with esbuild (installed with tsx), so start-up reads one file
 * instead of resolving and compiling several hundred modules (Ink, React, yargs, zod, yaml).
 *
 *   node scripts/bundle.mjs [OUT_FILE]     default: dist/bundle/gradstep.js
 *
 * The CLI finds package.json and scenarios/ two folders above its own file (src/cli, dist/cli),
 * so OUT_FILE must sit two folders below the package root, as the default does.
 *
 * Ink's per-frame text work is also cut here: string-width and ansi-tokenize's per-line functions
 * are replaced by the equivalents in scripts/shims/terminal-text.ts, which read our screens' box
 * drawing and colour codes a code unit at a time and remember recent lines (Ink's own caches live
 * for one frame).
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const outfile = process.argv[2] ?? 'dist/bundle/gradstep.js';
// Chunks of earlier builds would pile up beside the entry: remove them (and only them).
for (const name of existsSync(dirname(outfile)) ? readdirSync(dirname(outfile)) : []) {
  if (/^chunk-[A-Z0-9]+\.js$/.test(name)) rmSync(join(dirname(outfile), name));
}

/**
 * Entries kept per memo before it starts over: a frame writes a few hundred lines, so this keeps
 * every line of the last frames, and bounds the styled characters held (about 100 bytes each,
 * up to a few hundred per line) to some tens of MB.
 */
const MEMO_SIZE = 2_000;
const TERMINAL_TEXT = fileURLToPath(new URL('shims/terminal-text.ts', import.meta.url));

const SHIMS = {
  // yargs checks its own state with node:assert, whose loading (a dozen internal modules) costs
  // about 5 ms at every start: these two are all it calls (the shim is for yargs alone; see
  // onResolve below, and test/e2e/bundle.test.ts, which opens the TUI from the bundle).
  assert: `
    const fail = (message, a, b) => {
      throw new Error(message ?? \`assertion failed: \${String(a)} vs \${String(b)}\`);
    };
    export function strictEqual(a, b, message) {
      if (!Object.is(a, b)) fail(message, a, b);
    }
    export function notStrictEqual(a, b, message) {
      if (Object.is(a, b)) fail(message, a, b);
    }`,
  // string-width makes an Intl.Segmenter and Unicode regexes when it loads (20 to 30 ms): loaded
  // on the first line that needs it (esbuild runs a required module's body then).
  'string-width': `
    import { fastStringWidth } from ${JSON.stringify(TERMINAL_TEXT)};
    let real;
    export default fastStringWidth(() => (real ??= require('real:string-width').default), ${MEMO_SIZE});`,
  '@alcalzone/ansi-tokenize': `
    import * as real from 'real:@alcalzone/ansi-tokenize';
    import { fastAnsiTokenize } from ${JSON.stringify(TERMINAL_TEXT)};
    export * from 'real:@alcalzone/ansi-tokenize';
    export const { tokenize, styledCharsFromTokens, styledCharsToString } =
      fastAnsiTokenize(real, ${MEMO_SIZE});`,
};

const REAL = Symbol('real');
const YARGS = /node_modules[\\/]yargs[\\/]/;

/** Routes imports of the shimmed packages to the shims, and `real:NAME` to the package. */
const memoShims = {
  name: 'memo-shims',
  setup(b) {
    const names = Object.keys(SHIMS).map((n) => n.replace(/[/@.-]/g, '\\$&'));
    b.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) =>
      // The shim's own `real:` import resolves the package itself; node:assert is shimmed for
      // yargs only (signal-exit, under Ink, calls assert.equal).
      args.pluginData === REAL || (args.path === 'assert' && !YARGS.test(args.importer))
        ? undefined
        : { path: args.path, namespace: 'shim', pluginData: { resolveDir: args.resolveDir } },
    );
    b.onLoad({ filter: /.*/, namespace: 'shim' }, (args) => ({
      contents: SHIMS[args.path],
      resolveDir: args.pluginData.resolveDir,
    }));
    b.onResolve({ filter: /^real:/ }, (args) =>
      b.resolve(args.path.slice('real:'.length), {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: REAL,
      }),
    );
  },
};

/**
 * Ink imports react-devtools-core (not installed: an optional peer) only when DEV=true; in one
 * ESM file that import would be hoisted and fail at start, so it becomes an empty module.
 */
const noDevtools = {
  name: 'no-devtools',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({
      path: 'devtools',
      namespace: 'stub',
    }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default {};' }));
  },
};

await build({
  // Split at dynamic imports: `check`, `replay` and `export` never load (or compile) the chunk
  // with Ink and React, which only the debugger and --frames import.
  entryPoints: { [basename(outfile, '.js')]: 'src/bin.ts' },
  outdir: dirname(outfile),
  splitting: true,
  chunkNames: 'chunk-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [noDevtools, memoShims],
  // Some dependencies are CommonJS and call require(): give the ESM bundle one.
  banner: {
    js: "import { createRequire as __gradstepRequire } from 'node:module'; const require = __gradstepRequire(import.meta.url);",
  },
  // We ship React's production build (the development one doubles render cost); defining it here
  // also drops the development builds from the bundle.
  define: { 'process.env.NODE_ENV': '"production"' },
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
