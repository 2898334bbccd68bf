/**
 * Article threads (ISO 32000-1 §12.4.3), as InDesign writes them for its
 * articles: one thread per article story, one bead per text frame the
 * story's text runs through, in thread order across pages, so a reader can
 * follow a story from frame to frame and page to page (Acrobat's article
 * tool, reflow). Threads are not annotations or actions: PDF/X-1a allows
 * them, and both presets write them.
 */
import type { Id } from '../../shared/model/types';
import type { DocInternals, PdfRef } from './pdfkit-internals';

interface Thread {
  title: string;
  beads: PdfRef[];
}

export class ArticleThreads {
  private readonly threads = new Map<Id, Thread>();

  constructor(private readonly doc: DocInternals) {}

  /**
   * Beads for the current PDF page: each frame's rectangle in the sheet's
   * PDF coordinates, already in reading order for the page.
   */
  addPage(frames: { storyId: Id; title: string; rect: [number, number, number, number] }[]): void {
    if (frames.length === 0) return;
    const page = this.doc.page.dictionary;
    const beads: PdfRef[] = [];
    for (const frame of frames) {
      let thread = this.threads.get(frame.storyId);
      if (!thread) this.threads.set(frame.storyId, (thread = { title: frame.title, beads: [] }));
      const bead = this.doc.ref({
        Type: 'Bead',
        P: page,
        R: frame.rect.map((v) => Math.round(v * 100) / 100),
      });
      thread.beads.push(bead);
      beads.push(bead);
    }
    page.data.B = beads;
  }

  /** Links the beads into their threads and lists the threads in the catalog; call once at the end. */
  finish(): void {
    const threads: PdfRef[] = [];
    for (const thread of this.threads.values()) {
      const ref = this.doc.ref({ Type: 'Thread', I: { Title: new String(thread.title) } });
      const { beads } = thread;
      beads.forEach((bead, i) => {
        // Beads form a ring: the last one's next is the first.
        bead.data.N = beads[(i + 1) % beads.length];
        bead.data.V = beads[(i - 1 + beads.length) % beads.length];
        if (i === 0) bead.data.T = ref;
        bead.end();
      });
      ref.data.F = beads[0];
      ref.end();
      threads.push(ref);
    }
    if (threads.length > 0) this.doc._root.data.Threads = threads;
  }
}
