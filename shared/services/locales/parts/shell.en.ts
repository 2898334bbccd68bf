/** English strings of the app shell that came with the one-language work: start-up, help and drop notices. */
export const shellEn = {
  'app.startFailed': 'Folio could not start: {{detail}}',
  'app.composeFailed': 'The pages could not be composed: the fonts or the shaper did not load ({{detail}})',
  'dialog.dropInBrowser':
    'A browser does not tell Folio where a dropped file is: use File ▸ Open… or File ▸ Import…',
  'status.composeTime': '{{ms}} ms',
  'dialog.filter.edition': 'Folio edition',
  'dialog.filter.copy': 'Copy (text, Markdown, Word)',
  // The language of a text (a paragraph style's), named in the UI language; the UI language picker names each in itself.
  'textLanguage.zh-Hans': 'Chinese',
  'textLanguage.en': 'English',
} as const;
