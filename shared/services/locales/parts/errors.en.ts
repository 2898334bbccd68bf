/**
 * English messages for what the host could not do with a file: open, save,
 * import, export. The `detail` is the host's own technical words (an OS
 * error, the field of the edition that is wrong) and is not translated.
 */
export const errorsEn = {
  'error.file.not-found': '{{file}}: no such file',
  'error.file.unreadable': '{{file}}: the file cannot be read ({{detail}})',
  'error.file.not-a-zip': '{{file}}: not a Folio file',
  'error.file.truncated': '{{file}}: the file is cut short (damaged or incompletely copied)',
  'error.file.unsafe-entry': '{{file}}: the package holds an entry Folio will not read ({{detail}})',
  'error.file.too-large': '{{file}}: too large to open ({{detail}})',
  'error.file.too-many-entries': '{{file}}: the package has too many entries to be a Folio file',
  'error.file.corrupt-entry': '{{file}}: part of the file is damaged ({{detail}})',
  'error.file.missing-edition': '{{file}}: not a Folio file (there is no edition inside)',
  'error.file.bad-json': '{{file}}: the edition inside is damaged ({{detail}})',
  'error.file.invalid-edition': '{{file}}: the edition inside is not valid ({{detail}})',
  'error.file.version-too-new': '{{file}}: saved by a newer Folio; update Folio to open it ({{detail}})',
  'error.file.missing-asset': '{{file}}: an image the edition needs is missing from the file ({{detail}})',
  'error.file.write-failed': '{{file}}: not saved ({{detail}})',
  'error.import': '{{file}}: cannot be imported ({{detail}})',
  'error.export.preflight': 'Not exported: preflight found {{count}} errors (File ▸ Preflight lists them)',
  'error.export.preflight_one': 'Not exported: preflight found 1 error (File ▸ Preflight lists it)',
  'error.export.write': 'The PDF was not written ({{detail}})',
} as const;
