/**
 * The export the app's service layer and the CLI call: preflight (a Press
 * export with errors is refused unless forced), render, then write to a
 * temporary file beside the target and rename it into place, so a failed
 * export never leaves a partial PDF and never damages an existing one.
 */
import { access, constants, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { DisplayList } from '../../shared/layout/display-list';
import type { AssetBytes, Edition } from '../../shared/model/types';
import { formatFinding, hasErrors, type PreflightFinding } from '../../shared/preflight';
import type { FontFileLoader } from './font-files';
import { readCmykProfile } from './icc-profile';
import { resolveOptions, type PdfExportOptions } from './options';
import { parsePageRange } from './page-range';
import { preflightEdition } from './preflight-edition';
import { renderPdf } from './render-pdf';

export interface ExportPdfRequest {
  edition: Edition;
  assets: AssetBytes;
  displayList: DisplayList;
  options: PdfExportOptions;
  outputPath: string;
  fontLoader?: FontFileLoader;
  /** After each sheet: sheets done, sheets in all, page numbers on the sheet. */
  onProgress?: (done: number, total: number, pageNumbers: number[]) => void;
  /** The edition as saved when `edition` is the markup view's (composeForProof): its notes and changes are annotated. */
  source?: Edition;
}

export interface ExportPdfResult {
  outputPath: string;
  byteLength: number;
  /** Findings of the preflight run before export (warnings, or errors when forced). */
  findings: PreflightFinding[];
}

/** A Press export refused because preflight found errors. */
export class PreflightRefusedError extends Error {
  constructor(readonly findings: PreflightFinding[]) {
    const errors = findings.filter((f) => f.severity === 'error');
    super(
      `preflight found ${errors.length} error${errors.length === 1 ? '' : 's'}; fix them or export with --force:\n` +
        errors.map(formatFinding).join('\n'),
    );
    this.name = 'PreflightRefusedError';
  }
}

const UNEXPORTABLE = new Set(['missing-image', 'unreadable-image', 'missing-font']);

/** Something the PDF needs (an image's or font's bytes) is missing or damaged; the message names it and where. */
export class UnexportableError extends Error {
  constructor(readonly finding: PreflightFinding) {
    super(finding.message);
    this.name = 'UnexportableError';
  }
}

/** The CMYK profile given for image conversion cannot be read. */
export class ProfileError extends Error {
  constructor(path: string, reason: string) {
    super(`cannot use the CMYK profile ${path}: ${reason}`);
    this.name = 'ProfileError';
  }
}

/** The output file cannot be created. */
export class OutputPathError extends Error {
  constructor(path: string, reason: string) {
    super(`cannot write ${path}: ${reason}`);
    this.name = 'OutputPathError';
  }
}

export async function exportPdf(request: ExportPdfRequest): Promise<ExportPdfResult> {
  const options = resolveOptions(request.options);
  // Check what the user typed before doing any work.
  if (options.pages) parsePageRange(options.pages, request.displayList.pages.length);
  if (options.cmykProfile) {
    const bytes = await readFile(options.cmykProfile).catch((error) => {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      throw new ProfileError(options.cmykProfile as string, missing ? 'no such file' : systemReason(error));
    });
    try {
      readCmykProfile(bytes);
    } catch (error) {
      throw new ProfileError(options.cmykProfile, (error as Error).message);
    }
  }
  const temp = join(
    dirname(request.outputPath),
    `.${basename(request.outputPath)}.${process.pid}.${Date.now()}.tmp`,
  );
  await checkOutputPath(request.outputPath);
  let handle;
  try {
    handle = await open(temp, 'wx');
  } catch (error) {
    throw new OutputPathError(request.outputPath, systemReason(error));
  }
  try {
    const all = await preflightEdition({
      edition: request.edition,
      assets: request.assets,
      displayList: request.displayList,
      target: options.preset,
      fontLoader: request.fontLoader,
      copyChecks: false,
    });
    // Only what is on the exported pages (and what belongs to no page) concerns this export.
    const selected = options.pages
      ? new Set(parsePageRange(options.pages, request.displayList.pages.length))
      : null;
    const findings = selected ? all.filter((f) => f.pageNumber === null || selected.has(f.pageNumber)) : all;
    // A damaged or missing image or font cannot be exported in any preset, forced or not.
    const blocking = findings.find((f) => UNEXPORTABLE.has(f.code));
    if (blocking) throw new UnexportableError(blocking);
    if (options.preset === 'press' && hasErrors(findings) && !options.force) {
      throw new PreflightRefusedError(findings);
    }
    const bytes = await renderPdf({
      edition: request.edition,
      displayList: request.displayList,
      assets: request.assets,
      options,
      fontLoader: request.fontLoader,
      onProgress: request.onProgress,
      source: request.source,
    });
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = null;
    try {
      await rename(temp, request.outputPath);
    } catch (error) {
      throw new OutputPathError(request.outputPath, systemReason(error));
    }
    return { outputPath: request.outputPath, byteLength: bytes.length, findings };
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** Fails early, before any work, when the PDF cannot be written where asked (the folder is missing or read-only, or the path is a folder). */
export async function checkOutputPath(outputPath: string): Promise<void> {
  const existing = await stat(outputPath).catch(() => null);
  if (existing?.isDirectory()) throw new OutputPathError(outputPath, 'it is a folder');
  const folder = await stat(dirname(outputPath)).catch(() => null);
  if (!folder) throw new OutputPathError(outputPath, 'the folder does not exist');
  if (!folder.isDirectory()) throw new OutputPathError(outputPath, `${dirname(outputPath)} is not a folder`);
  await access(dirname(outputPath), constants.W_OK).catch((error) => {
    throw new OutputPathError(outputPath, systemReason(error));
  });
}

function systemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'the folder does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
