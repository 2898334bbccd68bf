/** What the flatplan's drags carry: a page to reorder or a story to plan on another page. */
export const PAGE_TYPE = 'application/x-folio-page';
export const STORY_TYPE = 'application/x-folio-story';

export function dragKind(event: React.DragEvent): 'page' | 'story' | null {
  const types = event.dataTransfer.types;
  if (types.includes(PAGE_TYPE)) return 'page';
  if (types.includes(STORY_TYPE)) return 'story';
  return null;
}
