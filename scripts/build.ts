/**
 * `npm run build`: bundles the renderer (dist/renderer), the Electron main
 * process (dist/main/electron-main.cjs) and the sandboxed preload
 * (dist/main/preload.cjs) with esbuild.
 */
import { build, type Plugin } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rendererIsFresh, writeRendererStamp } from './renderer-stamp';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const RENDERER_OUT = join(root, 'dist', 'renderer');
export const MAIN_OUT = join(root, 'dist', 'main');

interface BuildOptions {
  quiet?: boolean;
  minify?: boolean;
}

/** Folders whose `extension.ts` plugs into the app shell (see renderer/shell/extensions.ts). */
// proofing first: its Find and Preflight panels sit right under Properties, above the story editor.
const EXTENSION_FOLDERS = [
  'proofing',
  'editor',
  'tools',
  'actions',
  'collab',
  'flatplan',
  'notes',
  'comments',
  'tracking',
  'rounds',
  'planning',
];

/** Generates `folio:extensions`: the `extension` export of each extension.ts that exists. */
const extensionsPlugin: Plugin = {
  name: 'folio-extensions',
  setup(builder) {
    builder.onResolve({ filter: /^folio:extensions$/ }, () => ({
      path: 'folio-extensions',
      namespace: 'folio',
    }));
    builder.onLoad({ filter: /.*/, namespace: 'folio' }, () => {
      const present = EXTENSION_FOLDERS.map((folder) =>
        join(root, 'renderer', folder, 'extension.ts'),
      ).filter((file) => existsSync(file));
      const imports = present.map(
        (file, index) => `import { extension as e${index} } from ${JSON.stringify(file)};`,
      );
      const list = present.map((_, index) => `e${index}`).join(', ');
      return {
        contents: `${imports.join('\n')}\nexport const extensions = [${list}];\n`,
        loader: 'ts',
        resolveDir: root,
      };
    });
  },
};

function presentExtensions(): string[] {
  return EXTENSION_FOLDERS.map((folder) => join(root, 'renderer', folder, 'extension.ts')).filter((file) =>
    existsSync(file),
  );
}

function rendererSettings(options: BuildOptions) {
  return {
    minify: options.minify ?? !process.env.FOLIO_DEV,
    nodeEnv: process.env.FOLIO_DEV ? 'development' : 'production',
  };
}

/**
 * Whether dist/renderer was built with these options from the sources as they
 * are (renderer-stamp.ts): then `npm run web` serves it without bundling again.
 */
export function rendererUpToDate(options: BuildOptions = {}): boolean {
  return rendererIsFresh(RENDERER_OUT, {
    ...rendererSettings(options),
    extensions: presentExtensions(),
    scripts: [fileURLToPath(import.meta.url), join(root, 'scripts', 'renderer-stamp.ts')],
  });
}

/** The renderer: one browser bundle plus its page and stylesheet. */
export async function buildRenderer(options: BuildOptions = {}): Promise<void> {
  mkdirSync(RENDERER_OUT, { recursive: true });
  const settings = rendererSettings(options);
  const result = await build({
    entryPoints: [join(root, 'renderer', 'main.tsx')],
    outfile: join(RENDERER_OUT, 'renderer.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    sourcemap: true,
    // Minified unless FOLIO_DEV: the bundle parses several times faster at start-up.
    minify: settings.minify,
    // React's production build: its development checks cost more than the canvas itself on zoom.
    define: { 'process.env.NODE_ENV': JSON.stringify(settings.nodeEnv) },
    metafile: true,
    absWorkingDir: root,
    // harfbuzzjs's loader mentions Node modules it only uses under Node.
    external: ['fs', 'path', 'module', 'url', 'node:*'],
    plugins: [extensionsPlugin],
    logLevel: options.quiet ? 'error' : 'info',
  });
  copyFileSync(join(root, 'renderer', 'index.html'), join(RENDERER_OUT, 'index.html'));
  copyFileSync(join(root, 'renderer', 'styles.css'), join(RENDERER_OUT, 'renderer.css'));
  writeRendererStamp(RENDERER_OUT, {
    ...settings,
    // Metafile paths are relative to the working directory; the plugin's virtual module has none.
    inputs: [
      ...Object.keys(result.metafile.inputs)
        .filter((input) => !input.includes(':'))
        .map((input) => resolve(root, input)),
      join(root, 'renderer', 'index.html'),
      join(root, 'renderer', 'styles.css'),
    ],
    extensions: presentExtensions(),
  });
}

/** The Electron main process and the preload, as CommonJS. */
export async function buildMain(options: BuildOptions = {}): Promise<void> {
  mkdirSync(MAIN_OUT, { recursive: true });
  const common = {
    bundle: true,
    platform: 'node' as const,
    format: 'cjs' as const,
    target: 'node22',
    sourcemap: true,
    logLevel: options.quiet ? ('error' as const) : ('info' as const),
  };
  await build({
    ...common,
    entryPoints: [join(root, 'main', 'electron', 'electron-main.ts')],
    outfile: join(MAIN_OUT, 'electron-main.cjs'),
    // Node packages load from node_modules at run time (pdfkit and fonts read their own data files).
    packages: 'external',
    define: { 'import.meta.url': '__folioImportMetaUrl' },
    banner: { js: 'const __folioImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  });
  await build({
    ...common,
    entryPoints: [join(root, 'main', 'electron', 'preload.ts')],
    outfile: join(MAIN_OUT, 'preload.cjs'),
    external: ['electron'],
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildRenderer();
  await buildMain();
}
