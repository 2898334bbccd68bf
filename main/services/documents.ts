/**
 * Open documents, by id. Main keeps the asset bytes (which the renderer
 * only sees through asset URLs) and the path; the renderer keeps the
 * edition it edits and sends it back on save.
 */
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { AssetBytes, Edition } from '../../shared/model/types';
import type { OpenDocument } from '../../shared/services/api';

export interface DocumentRecord {
  id: string;
  path: string | null;
  edition: Edition;
  assets: AssetBytes;
  dirty: boolean;
}

export class DocumentRegistry {
  private readonly documents = new Map<string, DocumentRecord>();

  add(edition: Edition, assets: AssetBytes, path: string | null, dirty = false): DocumentRecord {
    const record: DocumentRecord = { id: randomUUID(), path, edition, assets, dirty };
    this.documents.set(record.id, record);
    return record;
  }

  get(id: string): DocumentRecord {
    const record = this.documents.get(id);
    if (!record) throw new Error(`no open document with id ${id}`);
    return record;
  }

  find(id: string): DocumentRecord | undefined {
    return this.documents.get(id);
  }

  /** The open document saved at this path, if any (opening it again focuses it). */
  byPath(path: string): DocumentRecord | undefined {
    return [...this.documents.values()].find((record) => record.path === path);
  }

  remove(id: string): void {
    this.documents.delete(id);
  }

  all(): DocumentRecord[] {
    return [...this.documents.values()];
  }
}

/** The title shown for a document: its file name, the paper's name, or "untitled". */
export function documentTitle(record: DocumentRecord): string {
  if (record.path) return basename(record.path).replace(/\.folio$/i, '');
  const meta = record.edition.meta;
  return meta?.paperName ? `${meta.paperName} ${meta.editionName ?? ''}`.trim() : 'Untitled';
}

export function toOpenDocument(record: DocumentRecord): OpenDocument {
  return {
    documentId: record.id,
    path: record.path,
    title: documentTitle(record),
    edition: record.edition,
    dirty: record.dirty,
  };
}
