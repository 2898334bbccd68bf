/**
 * A tagged PDF's logical structure (ISO 32000-1 §14.7–14.8): structure
 * elements (Document, Art, H1, P, Figure, Caption …) whose content is
 * marked in the page content streams by `/Tag <</MCID n>> BDC … EMC`, the
 * ParentTree that maps each page's MCIDs back to their elements, and
 * MarkInfo /Marked true. Everything else on a page is marked /Artifact.
 *
 * pdfkit has structure support (doc.struct, markContent), but it writes the
 * marks into the page itself as it draws; Folio's painters build each
 * page's content as one string, so this writes the same objects through
 * pdfkit's refs directly.
 */
import type { DocInternals, PdfRef } from './pdfkit-internals';

/** One structure element; its kids are elements or marked content on a page. */
export class StructElement {
  readonly kids: (StructElement | { page: PdfRef; mcid: number })[] = [];
  parent: StructElement | null = null;

  constructor(
    readonly type: string,
    readonly attributes: { title?: string; alt?: string; lang?: string; bbox?: number[] } = {},
  ) {}

  add(kid: StructElement): StructElement {
    kid.parent = this;
    this.kids.push(kid);
    return kid;
  }
}

export class StructureTree {
  readonly root = new StructElement('Document');
  /** MCID → element, per page, in MCID order. */
  private readonly pages: { page: PdfRef; elements: StructElement[] }[] = [];
  private current: { page: PdfRef; elements: StructElement[] } | null = null;

  constructor(private readonly doc: DocInternals) {
    // Before the first page ends: pdfkit then gives every page /Tabs /S (tab order follows the structure).
    doc._root.data.MarkInfo = doc.ref({ Marked: true });
  }

  /** Call when a page starts: MCIDs count from 0 on each page. */
  startPage(): void {
    this.current = { page: this.doc.page.dictionary, elements: [] };
    this.pages.push(this.current);
    this.doc.page.dictionary.data.StructParents = this.pages.length - 1;
  }

  /** `/Tag <</MCID n>> BDC` for new content of `element` on the current page (close it with EMC). */
  begin(element: StructElement): string {
    const page = this.current;
    if (!page) throw new Error('structure: no page started');
    const mcid = page.elements.length;
    page.elements.push(element);
    element.kids.push({ page: page.page, mcid });
    return `/${element.type} <</MCID ${mcid}>> BDC`;
  }

  /** Writes the tree; call once, before the document ends. */
  finish(language: string): void {
    const refs = new Map<StructElement, PdfRef>();
    const treeRoot = this.doc.ref({ Type: 'StructTreeRoot' });
    const refOf = (element: StructElement): PdfRef => {
      let ref = refs.get(element);
      if (!ref) refs.set(element, (ref = this.doc.ref({ Type: 'StructElem', S: element.type })));
      return ref;
    };
    const write = (element: StructElement, parent: PdfRef) => {
      const ref = refOf(element);
      const data = ref.data;
      data.P = parent;
      const { title, alt, lang, bbox } = element.attributes;
      if (title) data.T = new String(title);
      if (alt) data.Alt = new String(alt);
      if (lang) data.Lang = new String(lang);
      if (bbox) data.A = { O: 'Layout', Placement: 'Block', BBox: bbox };
      // Marked content on one page names it once (Pg) and lists MCIDs; others are MCR dictionaries.
      const firstPage = element.kids.find(
        (k): k is { page: PdfRef; mcid: number } => !(k instanceof StructElement),
      );
      if (firstPage) data.Pg = firstPage.page;
      data.K = element.kids.map((kid) => {
        if (kid instanceof StructElement) return refOf(kid);
        return kid.page === firstPage?.page ? kid.mcid : { Type: 'MCR', Pg: kid.page, MCID: kid.mcid };
      });
      for (const kid of element.kids) if (kid instanceof StructElement) write(kid, ref);
      ref.end();
    };
    write(this.root, treeRoot);
    const nums: unknown[] = [];
    this.pages.forEach((page, key) => nums.push(key, page.elements.map(refOf)));
    treeRoot.data.K = refOf(this.root);
    treeRoot.data.ParentTree = { Nums: nums };
    treeRoot.data.ParentTreeNextKey = this.pages.length;
    const catalog = this.doc._root.data;
    // pdfkit writes (ends) the StructTreeRoot and MarkInfo it finds in the catalog when the document ends.
    catalog.StructTreeRoot = treeRoot;
    catalog.Lang = new String(language);
  }
}
