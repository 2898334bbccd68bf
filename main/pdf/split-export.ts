/**
 * Edition export for the printer: one PDF per page, named by the edition's
 * pattern (`20261204_A01.pdf`), one PDF of the whole edition, and a
 * manifest (manifest.json: page, section, colour, size, file, SHA-256, bytes).
 *
 * Nothing is half-written: preflight runs once before any work, every file
 * is rendered into a hidden temporary file in the target folder, and only
 * when all of them (and the manifest) are complete are they renamed into
 * place, the manifest last. A failure on the way removes every temporary
 * file and leaves the folder as it was.
 */
import { createHash } from 'node:crypto';
import { access, constants, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DisplayList } from '../../shared/layout/display-list';
import type { AssetBytes, Edition } from '../../shared/model/types';
import { hasErrors, type PreflightFinding } from '../../shared/preflight';
import { editionFileName, splitExportFiles, type PageFile } from '../../shared/planning/export-names';
import { planOf } from '../../shared/model/plan';
import { OutputPathError, PreflightRefusedError, UnexportableError } from './export-pdf';
import type { FontFileLoader } from './font-files';
import { resolveOptions, type PdfExportOptions } from './options';
import { parsePageRange } from './page-range';
import { preflightEdition } from './preflight-edition';
import { renderPdf } from './render-pdf';

export const MANIFEST_FILE = 'manifest.json';

export interface SplitExportRequest {
  edition: Edition;
  assets: AssetBytes;
  displayList: DisplayList;
  /** Preset and the other PDF options; `pages` selects the pages (all when omitted). */
  options: PdfExportOptions;
  /** The folder the files go to; made when missing (its parent must exist). */
  outputDir: string;
  /** File-name pattern; the plan's (`{date}_{page}.pdf` by default) when omitted. */
  pattern?: string;
  fontLoader?: FontFileLoader;
  /** After each file is rendered: files done, files in all, the file's name. */
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface ManifestFile {
  file: string;
  bytes: number;
  sha256: string;
}

export interface ManifestPage extends ManifestFile {
  /** The page number as printed (A01 …). */
  page: string;
  /** 1-based place in the edition. */
  pageNumber: number;
  section: string;
  color: 'color' | 'mono';
  /** Trimmed page size. */
  size: { widthMm: number; heightMm: number; widthPt: number; heightPt: number };
}

export interface SplitManifest {
  paper: string;
  date: string;
  issue: number;
  edition: string;
  preset: 'press' | 'proof';
  pattern: string;
  exportedAt: string;
  pages: ManifestPage[];
  /** The whole selection in one PDF. */
  whole: ManifestFile & { pages: number };
}

export interface SplitExportResult {
  outputDir: string;
  manifest: SplitManifest;
  findings: PreflightFinding[];
}

const mm = (pt: number) => Math.round((pt / 72) * 25.4 * 10) / 10;

/** Makes the folder when missing and checks that it can be written (one message naming it and why). */
export async function checkOutputDir(outputDir: string): Promise<void> {
  const existing = await stat(outputDir).catch(() => null);
  if (existing && !existing.isDirectory()) throw new OutputPathError(outputDir, 'it is a file, not a folder');
  if (!existing) {
    const parent = await stat(dirname(outputDir)).catch(() => null);
    if (!parent?.isDirectory())
      throw new OutputPathError(outputDir, `the folder ${dirname(outputDir)} does not exist`);
    await mkdir(outputDir).catch((error) => {
      throw new OutputPathError(outputDir, reason(error));
    });
  }
  await access(outputDir, constants.W_OK).catch((error) => {
    throw new OutputPathError(outputDir, reason(error));
  });
}

interface Pending {
  temp: string;
  final: string;
}

export async function exportSplit(request: SplitExportRequest): Promise<SplitExportResult> {
  const { edition, displayList } = request;
  const options = resolveOptions({ ...request.options, pages: undefined, spreads: false });
  const pageCount = displayList.pages.length;
  const selected = request.options.pages
    ? parsePageRange(request.options.pages, pageCount)
    : displayList.pages.map((_, i) => i + 1);
  const pattern = request.pattern ?? planOf(edition).settings.exportPattern;
  // The user's mistakes first: the pattern and the folder, before any work.
  const files = splitExportFiles(edition, selected, pattern);
  const wholeName = editionFileName(edition, pattern);
  if (files.some((f) => f.file.toLowerCase() === wholeName.toLowerCase())) {
    throw new OutputPathError(
      join(request.outputDir, wholeName),
      'a page and the whole edition would share this name',
    );
  }
  await checkOutputDir(request.outputDir);

  const all = await preflightEdition({
    edition,
    assets: request.assets,
    displayList,
    target: options.preset,
    fontLoader: request.fontLoader,
    copyChecks: false,
  });
  const chosen = new Set(selected);
  const findings = all.filter((f) => f.pageNumber === null || chosen.has(f.pageNumber));
  const blocking = findings.find((f) =>
    ['missing-image', 'unreadable-image', 'missing-font'].includes(f.code),
  );
  if (blocking) throw new UnexportableError(blocking);
  if (options.preset === 'press' && hasErrors(findings) && !options.force)
    throw new PreflightRefusedError(findings);

  const pending: Pending[] = [];
  const stamp = `${process.pid}.${Date.now()}`;
  const write = async (name: string, bytes: Uint8Array): Promise<ManifestFile> => {
    const final = join(request.outputDir, name);
    const temp = join(request.outputDir, `.${name}.${stamp}.tmp`);
    let handle;
    try {
      handle = await open(temp, 'wx');
    } catch (error) {
      throw new OutputPathError(final, reason(error));
    }
    pending.push({ temp, final });
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (error) {
      throw new OutputPathError(final, reason(error));
    } finally {
      await handle.close().catch(() => undefined);
    }
    return { file: name, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  };
  const render = (pages: string) =>
    renderPdf({
      edition,
      displayList,
      assets: request.assets,
      options: { ...options, pages },
      fontLoader: request.fontLoader,
    });

  try {
    const total = files.length + 1;
    const pages: ManifestPage[] = [];
    for (const [i, f] of files.entries()) {
      const written = await write(f.file, await render(String(f.pageNumber)));
      pages.push(manifestPage(f, written));
      request.onProgress?.(i + 1, total, f.file);
    }
    const whole = await write(wholeName, await render(selected.join(',')));
    request.onProgress?.(total, total, wholeName);
    const manifest: SplitManifest = {
      paper: edition.meta.paperName,
      date: edition.meta.date,
      issue: edition.meta.issueNumber,
      edition: edition.meta.editionName,
      preset: options.preset,
      pattern,
      exportedAt: options.exportedAt.toISOString(),
      pages,
      whole: { ...whole, pages: selected.length },
    };
    await write(MANIFEST_FILE, new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
    // Everything is complete on disk: put it in place, the manifest last.
    while (pending.length > 0) {
      const next = pending[0];
      try {
        await rename(next.temp, next.final);
      } catch (error) {
        throw new OutputPathError(next.final, reason(error));
      }
      pending.shift();
    }
    return { outputDir: request.outputDir, manifest, findings };
  } finally {
    await Promise.all(pending.map((p) => unlink(p.temp).catch(() => undefined)));
  }
}

function manifestPage(f: PageFile, written: ManifestFile): ManifestPage {
  return {
    page: f.label,
    pageNumber: f.pageNumber,
    section: f.section,
    color: f.color,
    size: { widthMm: mm(f.widthPt), heightMm: mm(f.heightPt), widthPt: f.widthPt, heightPt: f.heightPt },
    ...written,
  };
}

function reason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'the folder does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EEXIST':
      return 'a file of that name is in the way';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
