/**
 * What the services need from the rest of main/: reading and writing .folio
 * packages, the sample edition and templates, importing copy, PDF export and
 * preflight. Hosts get a real implementation (edition-backend.ts); tests can
 * pass a fake.
 */
import type { AssetBytes, Edition } from '../../shared/model/types';
import type { CommentImportReport, PreflightProblem } from '../../shared/services/api';
import type { Stamp } from '../../shared/model/types';

export interface LoadedEdition {
  edition: Edition;
  assets: AssetBytes;
}

export interface EditionBackend {
  /** Reads and validates a .folio package; throws one clear error naming the file. */
  read(path: string): Promise<LoadedEdition>;
  /** Writes atomically, keeping one backup. */
  write(path: string, edition: Edition, assets: AssetBytes): Promise<void>;
  /** A new edition: `sample` is the built-in sample edition, other ids are page presets. */
  fromTemplate(template: string): Promise<LoadedEdition>;
  /** Turns copy (text, Markdown, Word) into a new edition. */
  importCopy(path: string): Promise<LoadedEdition>;
  exportPdf(edition: Edition, assets: AssetBytes, path: string): Promise<{ pages: number; bytes: number }>;
  /** A proof PDF with the notes as PDF comments and tracked changes as markup; absent in hosts that cannot. */
  exportProof?(edition: Edition, assets: AssetBytes, path: string): Promise<{ pages: number; bytes: number }>;
  /**
   * A reviewed proof PDF's comments as note operations on the edition (the
   * edition itself is not changed); throws one clear error for a PDF that
   * cannot be used. Absent in hosts that cannot.
   */
  importComments?(
    edition: Edition,
    pdfPath: string,
    options: { fallback: Stamp; fileName: string; editionName: string },
  ): Promise<Omit<CommentImportReport, 'file'>>;
  /** Prints the flatplan (版面计划) as a one-page PDF; absent in hosts that cannot. */
  exportFlatplan?(edition: Edition, path: string, language: 'zh-Hans' | 'en'): Promise<{ bytes: number }>;
  /** The edition for the printer: one PDF per page named by the pattern, the whole edition, manifest.json. */
  exportSplit?(
    edition: Edition,
    assets: AssetBytes,
    folder: string,
    pattern: string,
    force?: boolean,
  ): Promise<{ pages: number; whole: string; bytes: number }>;
  preflight(
    edition: Edition,
    assets: AssetBytes,
    options?: { userDictionary?: readonly string[] },
  ): Promise<PreflightProblem[]>;
}
