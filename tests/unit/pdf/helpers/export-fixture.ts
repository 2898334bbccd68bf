/** The multi-page fixture exported as a file, for tests that read the PDF back. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveOptions, type PdfExportOptions } from '../../../../main/pdf/options';
import { renderPdf } from '../../../../main/pdf/render-pdf';
import type { DisplayList } from '../../../../shared/layout/display-list';
import { multiPageFixture } from '../fixtures/multi-page';

/** Renders the multi-page fixture with `options` and writes it to `out.pdf` in a fresh temporary folder. */
export async function exportMultiPage(
  options: PdfExportOptions,
): Promise<{ bytes: Uint8Array; path: string; list: DisplayList }> {
  const { list, edition } = multiPageFixture();
  const bytes = await renderPdf({
    edition,
    displayList: list,
    assets: new Map(),
    options: resolveOptions(options),
  });
  const path = join(mkdtempSync(join(tmpdir(), 'folio-pdf-test-')), 'out.pdf');
  writeFileSync(path, bytes);
  return { bytes, path, list };
}
