/**
 * Bundles the CLI into one ESM file with esbuild (installed with tsx), so start-up reads one file
 * instead of resolving and compiling several hundred modules (Ink, React, yargs, zod, yaml).
 *
 *   node scripts/bundle.mjs [OUT_FILE]     default: dist/bundle/gradstep.js
 *
 * The CLI finds package.json and scenarios/ two folders above its own file (src/cli, dist/cli),
 * so OUT_FILE must sit two folders below the package root, as the default does.
 *
 * Two of Ink's per-frame costs are also cut here, by memoizing pure functions it calls on every
 * line of every frame (its own caches live for one frame): string-width (box-drawing characters
 * miss its ASCII fast path and go through Intl.Segmenter and an emoji regex per character) and
 * ansi-tokenize's tokenize + styledCharsFromTokens. Unchanged lines then cost a map lookup.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
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
  // string-width makes an Intl.Segmenter and Unicode regexes when it loads (20 to 30 ms): required
  // on first use of a text that is not plain ASCII (esbuild runs a required module's body then).
  'string-width': `
    let real;
    const stringWidth = (text, options) => {
      real ??= require('real:string-width').default;
      return real(text, options);
    };
    const memo = new Map();
    // Printable ASCII, and the symbols the screens draw with (box drawing, arrows, math, Greek,
    // Latin-1 but the soft hyphen), are a column a character as string-width counts them (checked
    // code point by code point), and none of them joins another into one cluster: measured as the
    // length, without string-width's Segmenter and emoji regexes (a tenth of a frame's time on a
    // graph view). yargs lays out its whole help text after every command: this loads nothing.
    const ASCII = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u00ff\u0370-\u03ff\u2010-\u2027\u2030-\u205e\u2070-\u209f\u2190-\u22ff\u2500-\u25fc\u25ff]*$/;
    export default function memoWidth(text, options) {
      if (options !== undefined) return stringWidth(text, options);
      if (ASCII.test(text)) return text.length;
      let width = memo.get(text);
      if (width === undefined) {
        if (memo.size >= ${MEMO_SIZE}) memo.clear();
        width = stringWidth(text);
        memo.set(text, width);
      }
      return width;
    }`,
  '@alcalzone/ansi-tokenize': `
    import * as real from 'real:@alcalzone/ansi-tokenize';
    export * from 'real:@alcalzone/ansi-tokenize';
    const tokens = new Map();
    const chars = new WeakMap();
    export function tokenize(text, endChar) {
      if (endChar !== undefined) return real.tokenize(text, endChar);
      let result = tokens.get(text);
      if (result === undefined) {
        if (tokens.size >= ${MEMO_SIZE}) tokens.clear();
        result = real.tokenize(text);
        tokens.set(text, result);
      }
      return result;
    }
    export function styledCharsFromTokens(list) {
      let result = chars.get(list);
      if (result === undefined) {
        result = real.styledCharsFromTokens(list);
        chars.set(list, result);
      }
      return result;
    }`,
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
