/**
 * The export bench's figures about what is in the PDF rather than how fast
 * it is made (issue 14, items 4 and 5): photos stored once each at no more
 * than the preset's resolution, one font program per face, how poppler's
 * pdftotext reads the stories in its default mode, the Proof's structure
 * tree, article threads in both presets and the Press's PDF/X-1a keys.
 * Each is read back from the exported file (tests/unit/pdf/helpers/pdf-facts.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DisplayList } from '../../shared/layout/display-list';
import type { AssetBytes, Edition } from '../../shared/model/types';
import { renderPdf } from '../../main/pdf/render-pdf';
import { resolveOptions, type ExportPreset } from '../../main/pdf/options';
import { defaultModeReading, pdfFacts, storyTexts } from '../unit/pdf/helpers/pdf-facts';
import type { BenchResult } from './bench';

interface Subject {
  name: string;
  edition: Edition;
  assets: AssetBytes;
  list: DisplayList;
}

export async function outputFigures(subject: Subject): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'folio-bench-facts-'));
  const results: BenchResult[] = [];
  try {
    const texts = storyTexts(subject.edition, subject.list);
    const placedImages = new Set(
      subject.list.pages.flatMap((p) =>
        p.items.flatMap((i) => (i.kind === 'image' && i.assetId ? [i.assetId] : [])),
      ),
    );
    const faces = new Set(
      subject.list.pages.flatMap((p) =>
        p.items.flatMap((i) =>
          i.kind === 'text' ? i.lines.flatMap((l) => l.runs.map((r) => r.fontKey)) : [],
        ),
      ),
    );
    let proofArticles = 0;
    for (const preset of ['proof', 'press'] as ExportPreset[]) {
      const options = resolveOptions({ preset, marks: false, exportedAt: new Date('2026-01-01T00:00:00Z') });
      const bytes = await renderPdf({
        edition: subject.edition,
        displayList: subject.list,
        assets: subject.assets,
        options,
      });
      const path = join(dir, `${preset}.pdf`);
      writeFileSync(path, bytes);
      const facts = pdfFacts(bytes);
      const at = `${subject.name}, ${preset}:`;
      if (placedImages.size > 0) {
        results.push({
          name: `${at} image XObjects stored (${facts.images.placements} placements of ${placedImages.size} distinct images)`,
          value: facts.images.stored,
          unit: 'images',
          goal: `each image stored once (${placedImages.size})`,
          met: facts.images.stored === placedImages.size,
        });
        const limit = options.imagePpi ?? Infinity;
        const highest = Math.max(...facts.images.ppi);
        results.push({
          name: `${at} highest effective resolution of a placed photo`,
          value: highest,
          unit: 'ppi',
          goal: `≤ ${options.imagePpi ?? 'full'} ppi (the preset's output resolution)`,
          met: highest <= limit + 0.5,
        });
      }
      results.push({
        name: `${at} embedded font programs (faces used: ${faces.size})`,
        value: facts.fontPrograms,
        unit: 'fonts',
        goal: 'one subset per face per document',
        met: facts.fontPrograms === faces.size && facts.fontFaces === faces.size,
      });
      const reading = defaultModeReading(path, texts);
      results.push({
        name: `${at} pdftotext default mode, stories read as one piece (${reading.stories} stories)`,
        value: reading.whole.length,
        unit: 'stories',
        goal: `all ${reading.stories}`,
        met: reading.whole.length === reading.stories,
      });
      results.push({
        name: `${at} pdftotext default mode, output lines that join two columns or stories (of ${reading.lines})`,
        value: reading.mixedLines.length,
        unit: 'lines',
        goal: '0',
        met: reading.mixedLines.length === 0,
      });
      if (preset === 'proof') {
        const arts = facts.structure?.get('Art') ?? 0;
        const figures = facts.structure?.get('Figure') ?? 0;
        proofArticles = arts;
        results.push({
          name: `${at} tagged structure tree: Art elements (Document ${facts.structure?.get('Document') ?? 0}, H1 ${facts.structure?.get('H1') ?? 0}, P ${facts.structure?.get('P') ?? 0}, Figure ${figures}, ${facts.figuresWithAlt} with Alt)`,
          value: arts,
          unit: 'articles',
          goal: 'Document / Art per article thread / H1 / P, a Figure per photo',
          met:
            facts.structure?.get('Document') === 1 &&
            arts === facts.threads &&
            arts > 0 &&
            figures === facts.images.placements,
        });
      }
      results.push({
        name: `${at} article threads (beads per frame)`,
        value: facts.threads,
        unit: 'threads',
        goal: `one per article (${proofArticles} in the Proof's structure tree)`,
        met: facts.threads === proofArticles && facts.threads > 0,
      });
      if (preset === 'press')
        results.push({
          name: `${at} PDF/X-1a:2001 (PDF 1.3, GTS_PDFX version keys and output intent), 1 = yes`,
          value: facts.pdfx ? 1 : 0,
          unit: '',
          goal: 'kept',
          met: facts.pdfx,
        });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
