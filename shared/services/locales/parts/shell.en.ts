/** English strings of the app shell that came with the one-language work: start-up, help and drop notices. */
export const shellEn = {
  'app.startFailed': 'Folio could not start: {{detail}}',
  'dialog.dropInBrowser':
    'A browser does not tell Folio where a dropped file is: use File ▸ Open… or File ▸ Import…',
  'status.composeTime': '{{ms}} ms',
} as const;
