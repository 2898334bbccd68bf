/**
 * What the Press preset adds for PDF/X-1a:2001 (ISO 15930-1): the version
 * keys and Trapped in the Info dictionary and a GTS_PDFX output intent that
 * names a registered CMYK characterization. Without a profile from the
 * user, the ICC profile itself is not embedded: PDF/X-1a allows leaving it
 * out when the condition is in the ICC registry (we cannot ship FOGRA39's
 * profile). With `--cmyk-profile`, that profile is embedded as the
 * DestOutputProfile and named as a custom condition. See docs/pdf.md.
 */
import type { CmykProfile } from './icc-profile';
import type { DocInternals } from './pdfkit-internals';
import { PdfName } from './pdf-syntax';

export const OUTPUT_INTENT = {
  identifier: 'FOGRA39',
  condition: 'Coated FOGRA39 (ISO 12647-2:2004)',
  registry: 'http://www.color.org',
};

export function markPdfX1a(doc: DocInternals, profile?: CmykProfile): void {
  doc.info.GTS_PDFXVersion = 'PDF/X-1:2001';
  doc.info.GTS_PDFXConformance = 'PDF/X-1a:2001';
  // Trapping is left to the RIP; PDF/X requires saying so as a name, /False.
  doc.info.Trapped = new PdfName('False');
  let intent;
  if (profile) {
    const icc = doc.ref({ N: 4 });
    icc.end(Buffer.from(profile.bytes.buffer, profile.bytes.byteOffset, profile.bytes.byteLength));
    intent = doc.ref({
      Type: 'OutputIntent',
      S: 'GTS_PDFX',
      OutputCondition: new String(profile.description),
      OutputConditionIdentifier: new String('Custom'),
      Info: new String(profile.description),
      DestOutputProfile: icc,
    });
  } else {
    intent = doc.ref({
      Type: 'OutputIntent',
      S: 'GTS_PDFX',
      OutputCondition: new String(OUTPUT_INTENT.condition),
      OutputConditionIdentifier: new String(OUTPUT_INTENT.identifier),
      RegistryName: new String(OUTPUT_INTENT.registry),
      Info: new String(OUTPUT_INTENT.condition),
    });
  }
  intent.end();
  doc._root.data.OutputIntents = [intent];
}
