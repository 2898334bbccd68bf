/** English strings of edition planning (issue 13): copyfit against balanced columns, the flatplan, ads, auto-layout. */
export const planningEn = {
  // Copyfit against the balanced module: the room under each level column and the copy that fills it.
  'copyfit.shortColumns': ', {{per}} under each of {{columns}} columns',
  'copyfit.shortCharacters': ', about {{add}} characters to add',

  // Layout ▸ Auto-Layout Page…: three proposals for the page in view, each with its stated score.
  'menu.layout': 'Layout',
  'command.layout.autoLayout': 'Auto-Layout Page…',
  'step.autoLayout': 'Auto-layout',
  'autoLayout.title': 'Auto-layout of page {{page}}',
  'autoLayout.working': 'Measuring the stories at every width and searching layouts…',
  'autoLayout.sourcePlan_one': '{{count}} story, as the plan assigns it to this page',
  'autoLayout.sourcePlan': '{{count}} stories, as the plan assigns them to this page',
  'autoLayout.sourcePage_one': '{{count}} story laid out on this page',
  'autoLayout.sourcePage': '{{count}} stories laid out on this page',
  'autoLayout.hint':
    'Pick one: it replaces the stories’ frames on the page in one step (Undo takes it back); then go on by hand.',
  'autoLayout.proposal': 'Proposal {{rank}}',
  'autoLayout.score': 'score {{score}} (lower is better)',
  'autoLayout.oversetNone': 'No overset',
  'autoLayout.oversetSome_one': '{{count}} story overset',
  'autoLayout.oversetSome': '{{count}} stories overset',
  'autoLayout.dropped_one': '{{count}} story not placed',
  'autoLayout.dropped': '{{count}} stories not placed',
  'autoLayout.empty': 'Empty column area {{percent}} %',
  'autoLayout.leadOnTop': 'Lead on top',
  'autoLayout.leadNotOnTop': 'Lead not on top',
  'autoLayout.photosWith': 'Photos beside their stories',
  'autoLayout.photosAway_one': '{{count}} photo away from its story',
  'autoLayout.photosAway': '{{count}} photos away from their stories',
  'autoLayout.headlinesShort': 'Headlines in 2 lines or fewer',
  'autoLayout.headlinesLong_one': '{{count}} headline over 2 lines',
  'autoLayout.headlinesLong': '{{count}} headlines over 2 lines',
  'autoLayout.modules': 'Modules (columns × lines): {{modules}}',
  'autoLayout.use': 'Use this layout',
  'autoLayout.applied': 'Page {{page}} laid out as proposal {{rank}}; Undo takes it back',
  'autoLayout.noComposer': 'The fonts are still loading; try again in a moment',
  'autoLayout.noProposal': 'No layout fits these stories on page {{page}}',
  'autoLayout.error.no-page': 'There is no page {{page}}',
  'autoLayout.error.no-stories': 'Page {{page}} has no stories to lay out',
  'autoLayout.error.runs-on':
    'The story “{{story}}” also runs on another page; auto-layout places whole stories only',
  'autoLayout.error.too-many': 'Page {{page}} has {{count}} stories; auto-layout places up to 12',
  'autoLayout.error.no-room': 'Page {{page}} has no free room for modules',

  // File ▸ Export Pages for Printer…: one PDF per page named for the printer, the whole edition, a manifest.
  'command.file.exportEdition': 'Export Pages for Printer…',
  'exportEdition.title': 'Export pages for the printer',
  'exportEdition.folder': 'Folder',
  'exportEdition.pattern': 'File names',
  'exportEdition.fields':
    'Fields: {{date}} date, {{page}} page number, {{n}} place in the edition, {{section}} section, {{edition}} edition',
  'exportEdition.preview': 'First files: {{files}}; with the whole edition and {{manifest}}',
  'exportEdition.badPattern':
    'These names will not do: the pattern needs a page field, known fields only, no slash, and a different name for every page',
  'exportEdition.unavailable': 'This host cannot export pages for the printer.',
  'step.exportPattern': 'Export file names',
  'exportEdition.force': 'Export even if preflight finds errors (the files then need checking by hand)',
  'exportEdition.export': 'Export',
  'exportEdition.working': 'Exporting {{count}} pages…',
  'exportEdition.done': '{{count}} page PDFs, {{whole}} and {{manifest}} written to {{folder}}',
} as const;
