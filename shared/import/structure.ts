/**
 * Recognises the structure a newspaper desk writes in a SourceDocument:
 * where stories begin, and the role of every paragraph in them.
 *
 * - A story begins at a headline: a heading (or a run of headings) followed
 *   by a lead-in (`本报讯（记者 …）`, `WASHINGTON —`) or a byline
 *   (`记者 … 通讯员 …`, `By Jane Doe`). Copy without such markers (a plain
 *   Markdown article) opens a story at its first heading and, when it uses
 *   several heading levels, at every heading of the top level.
 * - In a run of headings before a story, the last is the headline (or the
 *   one before it, when the last starts with a dash: a subheadline), a short
 *   label right above it is a department label (`文昌办事处`), a longer line a
 *   kicker (引题). At the top of the copy, a line of short phrases
 *   (`新时代 新征程 新伟业`) or a heading of a higher level is the page banner.
 * - Headings inside a story that no lead-in follows are section heads.
 * - Short unpunctuated lines inside a story are photo captions.
 * - A body paragraph that does not end a sentence was cut by a column break:
 *   it goes on in the next body paragraph, across any caption in between.
 * - A picture (Word) is a photo of the story it stands in (or of the next
 *   story, above the first headline); the paragraph right after it is its
 *   caption when it is in Word's Caption style or reads like one (short, or
 *   `图为…`, `…摄`, `Photo: …`).
 * - Table rows (Word) are body paragraphs of their own: never joined to the
 *   text around them, never headings or captions; a Caption-style line next
 *   to a table is the table's title, kept as text, and a short line next to
 *   one is text too (a note or source), not a photo caption.
 *
 * Plain text without `#` marks has no explicit headings; there, short lines
 * not ending like a sentence are heading candidates, and one that stands
 * inside an unfinished paragraph is a caption.
 */
import type { BlockRole, StoryText } from '../model/types';
import type { ImportedCaption, ImportedStory, SourceParagraph } from './types';
import { concatRuns, runsText, sliceRuns, tidySpaces } from './runs';
import {
  endsSentence,
  isByline,
  leadInLength,
  looksLikeBanner,
  looksLikeCaption,
  looksLikeCaptionAfterImage,
  looksLikeDepartmentLabel,
  looksLikeHeadingLine,
  looksLikeSubheadline,
} from './patterns';
import { isChineseContext } from './script';

type ParagraphKind = 'heading' | 'lead-in' | 'byline' | 'caption' | 'body' | 'image' | 'table-row';

interface Classified {
  kind: ParagraphKind;
  level: number;
  runs: StoryText[];
  text: string;
  line: number;
  image?: number;
  /** The source marked it a caption (Word's Caption style), not the importer's guess. */
  styledCaption?: true;
}

/** A paragraph with its role, while stories are being built (captions still inline). */
interface Item {
  role: BlockRole;
  runs: StoryText[];
  /** A photo (role 'caption'): the source's picture it shows. */
  image?: number;
  /** A body paragraph nothing may be joined to (a table row, a table's title). */
  closed?: true;
}

interface WorkingStory {
  name: string;
  items: Item[];
}

export interface RecognisedStructure {
  banner: Item[];
  stories: ImportedStory[];
  rejoined: { story: string; join: string }[];
  notes: string[];
}

function classify(paragraph: SourceParagraph, explicitHeadings: boolean): Classified {
  const text = runsText(paragraph.runs);
  const base = { level: paragraph.headingLevel, runs: paragraph.runs, text, line: paragraph.line };
  if (paragraph.image !== undefined) return { ...base, kind: 'image', image: paragraph.image };
  if (paragraph.role === 'table-row') return { ...base, kind: 'table-row' };
  if (paragraph.headingLevel > 0) return { ...base, kind: 'heading' };
  if (paragraph.role === 'caption') return { ...base, kind: 'caption', styledCaption: true };
  if (isByline(text)) return { ...base, kind: 'byline' };
  if (leadInLength(text) > 0) return { ...base, kind: 'lead-in' };
  if (!explicitHeadings && looksLikeHeadingLine(text)) return { ...base, kind: 'heading', level: 1 };
  if (explicitHeadings && looksLikeCaption(text)) return { ...base, kind: 'caption' };
  return { ...base, kind: 'body' };
}

/** The space a rejoined paragraph needs where it was cut: none in Chinese, one between Latin words. */
function joinerBetween(a: string, b: string): string {
  const last = a[a.length - 1];
  const first = b[0];
  if (isChineseContext(last) || isChineseContext(first)) return '';
  if (/[A-Za-z]-$/.test(a)) return '';
  return ' ';
}

/** The last body item, looking past captions; null when something else comes first. */
function openBody(items: Item[]): Item | null {
  for (let i = items.length - 1; i >= 0; i--) {
    if (items[i].role === 'caption') continue;
    return items[i].role === 'body' && !items[i].closed ? items[i] : null;
  }
  return null;
}

export function recogniseStructure(paragraphs: SourceParagraph[]): RecognisedStructure {
  const explicitHeadings = paragraphs.some((p) => p.headingLevel > 0);
  const classified = paragraphs.map((p) => classify(p, explicitHeadings));
  const opensStory = (index: number) => {
    const next = classified[index];
    return next !== undefined && (next.kind === 'lead-in' || next.kind === 'byline');
  };
  // With lead-ins and bylines in the copy, they decide where stories begin;
  // without them, heading levels do.
  const hasMarkers = classified.some((p, i) => p.kind === 'heading' && opensStory(i + 1));
  let topLevel = Infinity;

  const banner: Item[] = [];
  const stories: WorkingStory[] = [];
  const rejoined: RecognisedStructure['rejoined'] = [];
  const notes: string[] = [];
  let current: WorkingStory | null = null;
  /** Photos above the first headline, waiting for the story they open. */
  let pendingPhotos: Item[] = [];
  const takePending = (story: WorkingStory) => {
    story.items.push(...pendingPhotos);
    pendingPhotos = [];
  };

  const ensureStory = (first: Classified): WorkingStory => {
    if (current) return current;
    const name = [...first.text].slice(0, 12).join('') + (first.text.length > 12 ? '…' : '');
    notes.push(`Text before the first headline (line ${first.line}) was kept as an untitled story.`);
    current = { name, items: [] };
    stories.push(current);
    takePending(current);
    return current;
  };

  const addBody = (story: WorkingStory, runs: StoryText[]) => {
    const open = openBody(story.items);
    const openText = open ? runsText(open.runs) : '';
    if (open && !endsSentence(openText)) {
      const bodyText = runsText(runs);
      const joiner = joinerBetween(openText, bodyText);
      open.runs = concatRuns(open.runs, runs, joiner);
      rejoined.push({
        story: story.name,
        join: `${[...openText].slice(-6).join('')}|${[...bodyText].slice(0, 6).join('')}`,
      });
      return;
    }
    story.items.push({ role: 'body', runs });
  };

  const openStoryAt = (run: Classified[]) => {
    const heads = [...run];
    if (
      stories.length === 0 &&
      heads.length >= 2 &&
      (looksLikeBanner(heads[0].text) || heads[0].level < heads[1].level)
    ) {
      banner.push({ role: 'banner', runs: heads.shift()!.runs });
    }
    const levels = heads.map((h) => h.level);
    let headline: number;
    if (new Set(levels).size > 1) headline = levels.indexOf(Math.min(...levels));
    else if (heads.length >= 2 && looksLikeSubheadline(heads[heads.length - 1].text))
      headline = heads.length - 2;
    else headline = heads.length - 1;

    const items: Item[] = [];
    heads.slice(0, headline).forEach((head, k) => {
      const rightAbove = k === headline - 1;
      if (!explicitHeadings && !rightAbove) {
        // Plain copy: a short line further up is the caption that closed the
        // story before (or the banner, at the top of the page).
        if (current) current.items.push({ role: 'caption', runs: head.runs });
        else banner.push({ role: 'banner', runs: head.runs });
        return;
      }
      items.push({ role: looksLikeDepartmentLabel(head.text) ? 'department' : 'kicker', runs: head.runs });
    });
    items.push({ role: 'headline', runs: heads[headline].runs });
    for (const sub of heads.slice(headline + 1)) items.push({ role: 'subheadline', runs: sub.runs });
    topLevel = Math.min(topLevel, heads[headline].level);
    current = { name: heads[headline].text, items };
    stories.push(current);
    takePending(current);
  };
  const nextToTable = (index: number) =>
    classified[index - 1]?.kind === 'table-row' || classified[index + 1]?.kind === 'table-row';

  let i = 0;
  while (i < classified.length) {
    const paragraph = classified[i];
    if (paragraph.kind === 'heading') {
      let end = i;
      while (end < classified.length && classified[end].kind === 'heading') end++;
      const run = classified.slice(i, end);
      const story = current as WorkingStory | null;
      const runLevel = Math.min(...run.map((h) => h.level));
      const opens = hasMarkers ? opensStory(end) : explicitHeadings && runLevel <= topLevel;
      if (opens || !story) openStoryAt(run);
      else {
        for (const head of run) {
          const open = openBody(story.items);
          const insideParagraph = !explicitHeadings && open !== null && !endsSentence(runsText(open.runs));
          story.items.push({ role: insideParagraph ? 'caption' : 'section-head', runs: head.runs });
        }
      }
      i = end;
      continue;
    }
    if (paragraph.kind === 'image') {
      // The paragraph after a picture is its caption when it reads like one.
      const next = classified[i + 1];
      const captioned =
        next !== undefined &&
        (next.kind === 'caption' || (next.kind === 'body' && looksLikeCaptionAfterImage(next.text)));
      const photo: Item = { role: 'caption', runs: captioned ? next.runs : [], image: paragraph.image };
      if (current) (current as WorkingStory).items.push(photo);
      else pendingPhotos.push(photo);
      i += captioned ? 2 : 1;
      continue;
    }
    if (paragraph.kind === 'table-row' || (paragraph.styledCaption && nextToTable(i))) {
      ensureStory(paragraph).items.push({ role: 'body', runs: paragraph.runs, closed: true });
      i++;
      continue;
    }
    // A short line next to a table is its note or source, not a photo caption.
    if (paragraph.kind === 'caption' && nextToTable(i)) {
      addBody(ensureStory(paragraph), paragraph.runs);
      i++;
      continue;
    }
    // A caption needs a story to belong to; before any, a short line is just text.
    const inStory = current !== null;
    const story = ensureStory(paragraph);
    if (paragraph.kind === 'lead-in') {
      const length = leadInLength(paragraph.text);
      story.items.push({ role: 'lead-in', runs: sliceRuns(paragraph.runs, 0, length) });
      // The body starts at its first character, whatever space was typed after the 电头.
      story.items.push({ role: 'body', runs: tidySpaces(sliceRuns(paragraph.runs, length)) });
    } else if (paragraph.kind === 'byline') story.items.push({ role: 'byline', runs: paragraph.runs });
    else if (paragraph.kind === 'caption' && inStory)
      story.items.push({ role: 'caption', runs: paragraph.runs });
    else addBody(story, paragraph.runs);
    i++;
  }

  if (pendingPhotos.length > 0 && stories.length > 0)
    stories[stories.length - 1].items.push(...pendingPhotos);
  return { banner, stories: stories.map(finishStory), rejoined, notes };
}

/** Takes the captions out of a story's flow and ties each to the paragraph it stood in. */
function finishStory(story: WorkingStory): ImportedStory {
  const blocks: ImportedStory['blocks'] = [];
  const captions: ImportedCaption[] = [];
  for (const item of story.items) {
    if (item.role === 'caption') {
      captions.push({
        blocks: item.runs.length > 0 ? [{ type: 'caption', children: item.runs }] : [],
        anchorBlock: Math.max(0, blocks.length - 1),
        ...(item.image !== undefined ? { image: item.image } : {}),
      });
    } else blocks.push({ type: item.role, children: item.runs.length > 0 ? item.runs : [{ text: '' }] });
  }
  return { name: story.name, blocks, captions };
}
