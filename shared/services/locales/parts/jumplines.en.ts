/** English strings of jump lines (转版, issue 13 item 3): continuing a story on another page, the plan's settings. */
export const jumpLinesEn = {
  'step.continueOnPage': 'Continue on another page',
  'step.jumpLines': 'Jump line settings',
  'jumpLines.continueOn': 'Continue on',
  'jumpLines.pageOption': 'Page {{label}}',
  'jumpLines.continue': 'Continue',
  'jumpLines.continueHint':
    'The rest of the story goes on in a new frame like this one on that page; the jump lines follow the page numbers.',
  'jumpLines.enabled': 'Jump lines (Continued on / from page …)',
  'jumpLines.skipConsecutive': 'None between consecutive pages',
  'jumpLines.continuedOn': '“Continued on” wording',
  'jumpLines.continuedFrom': '“Continued from” wording',
  'jumpLines.wordingHint': '{{field}} is the page number; empty: the edition language’s wording',
} as const;
