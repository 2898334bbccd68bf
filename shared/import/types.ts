/**
 * The importer's types: the intermediate every source format is read into
 * (plain text, Markdown and Word all become SourceParagraphs), the options a
 * user can set, and what an import gives back — stories whose blocks carry
 * roles, the captions that stood inside them, and a report of what was
 * recognised.
 */
import type { BlockRole, StoryBlock, StoryText } from '../model/types';

/** Where a document came from; decides how its paragraphs were read. */
export type SourceFormat = 'text' | 'markdown' | 'docx';

/** One paragraph of a source document, before its role is known. */
export interface SourceParagraph {
  /** 0 for an ordinary paragraph; 1–6 for a heading (Markdown `#`, Word "Heading n"). */
  headingLevel: number;
  /** The paragraph's text with bold and italic marks. */
  runs: StoryText[];
  /** 1-based line (text, Markdown) or paragraph number (Word) in the source, for the report. */
  line: number;
  /**
   * The source says what the paragraph is: a Word paragraph in the Caption
   * style, or one row of a table (its cells' text in reading order), which
   * is never joined to the paragraphs around it nor taken for a heading.
   */
  role?: 'caption' | 'table-row';
  /**
   * A picture in the source (Word): the index of the image in the
   * document, in reading order; such a paragraph has no text.
   */
  image?: number;
}

export interface SourceDocument {
  format: SourceFormat;
  paragraphs: SourceParagraph[];
}

export interface ImportOptions {
  /**
   * Turn the OCR's half-width `, ; : ( ) ! ?` next to Chinese text into
   * full-width marks (default true).
   */
  punctuationFix?: boolean;
  /** The copy's language; detected from the text when not given. */
  language?: 'zh-Hans' | 'en';
}

/**
 * A photo of a story: a caption that stood inside its text, a picture the
 * source held (Word), or both — a picture with the caption that followed it.
 */
export interface ImportedCaption {
  /** The caption's blocks (role 'caption'); empty for a picture without a caption. */
  blocks: StoryBlock[];
  /** The source's picture (its index in the document) when the source held one. */
  image?: number;
  /**
   * Index in the story's blocks of the paragraph the caption stood in or
   * after: the photo belongs next to that paragraph.
   */
  anchorBlock: number;
}

/** One news story as the importer recognised it. */
export interface ImportedStory {
  /** The headline's text (or the first words of an untitled story). */
  name: string;
  /** Department label / kicker, headline, subheadline, byline, lead-in, body and section heads, in order. */
  blocks: StoryBlock[];
  captions: ImportedCaption[];
}

export interface ImportedStoryReport {
  name: string;
  /** The role of each block, in order. */
  roles: BlockRole[];
  /** Characters of text in the story's blocks (without captions). */
  characters: number;
  captions: string[];
}

export interface ImportReport {
  format: SourceFormat;
  language: 'zh-Hans' | 'en';
  paragraphsRead: number;
  /** The page banner's text, when the copy opened with one. */
  banner: string | null;
  stories: ImportedStoryReport[];
  /** Paragraphs split by a column break and joined again, shown as `end|start`. */
  rejoined: { story: string; join: string }[];
  /** Half-width punctuation marks made full-width. */
  punctuationFixed: number;
  /** Pictures the source held (Word), each with its caption when one was found. */
  images: { image: number; story: string; caption: string | null }[];
  /** Table rows read as paragraphs (cells in reading order), until Folio has table frames. */
  tableRows: number;
  /** Things the user should know (e.g. text before the first headline). */
  notes: string[];
}

export interface ImportResult {
  /** The page banner (blocks of role 'banner'); empty when there is none. */
  banner: StoryBlock[];
  stories: ImportedStory[];
  report: ImportReport;
}
