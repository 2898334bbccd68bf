/**
 * English preflight findings. The CLI and the export refusal print these
 * very words (translate('en', …)); the app shows them in the UI language.
 */
export const preflightEn = {
  'preflight.place.page': 'page {{page}}',
  'preflight.place.frame': "frame '{{name}}' ({{id}})",
  'preflight.place.frameId': 'frame {{id}}',
  'preflight.place.both': '{{page}}, {{frame}}',
  'preflight.finding': '{{place}}: {{text}}',
  'preflight.overset': "story '{{story}}' is overset",
  'preflight.oversetBy': "story '{{story}}' is overset by {{characters}} characters ({{lines}} lines)",
  'preflight.oversetCharacters': "story '{{story}}' is overset by {{characters}} characters",
  'preflight.oversetNoFrame': "story '{{story}}' has no frame: all {{characters}} characters are overset",
  'preflight.missingGlyph': "no font has the character {{char}} ({{code}}) in story '{{story}}'",
  'preflight.missingGlyphOverset':
    "no font has the character {{char}} ({{code}}) in story '{{story}}' (in overset text)",
  'preflight.fontName': '{{family}} {{weight}} ({{file}})',
  'preflight.fontNameItalic': '{{family}} {{weight}} italic ({{file}})',
  'preflight.missingFont': 'font {{font}} is not installed; used on pages {{pages}}',
  'preflight.missingFont_one': 'font {{font}} is not installed; used on page {{pages}}',
  'preflight.missingFontUnused': 'font {{font}} is not installed; not used on any page',
  'preflight.missingImage': "image '{{image}}' is missing from the edition",
  'preflight.unreadableImage': "image '{{image}}' cannot be read",
  'preflight.unreadableImageWhy': "image '{{image}}' cannot be read: {{why}}",
  'preflight.lowResolution': "image '{{image}}' is {{ppi}} ppi as placed (below {{min}} ppi)",
  'preflight.rgbImage': "image '{{image}}' is RGB; the Press export converts it to CMYK",
  'preflight.offPage': 'lies outside the page and will not print',
  'preflight.beyondBleed': 'reaches beyond the bleed and will be cut off',
  'preflight.emptyTextFrameStory': "empty text frame: story '{{story}}' does not reach this frame",
  'preflight.emptyTextFrame': 'empty text frame: no story flows into this frame',
  'preflight.emptyImageFrame': 'empty image frame: no image placed',
  // Proofreading desk (issue 11: tracked changes, sign-off).
  'preflight.pendingChanges':
    "story '{{story}}' has {{count}} pending tracked changes (the export prints the text as if they were accepted)",
  'preflight.unsignedPage.draft': 'not signed off for press (draft)',
  'preflight.unsignedPage.in-proof': 'not signed off for press (in proof)',
  'preflight.unsignedRequired.draft': 'not signed off for press (draft); this edition requires sign-off',
  'preflight.unsignedRequired.in-proof':
    'not signed off for press (in proof); this edition requires sign-off',
} as const;
