/**
 * The same display list as an HTML document of SVG pages, for Chromium's
 * page.pdf(): every glyph at the same x and baseline (SVG <text> with one x
 * per character), the same font files through @font-face, the same images,
 * rules and boxes. This is the baseline the export benchmark measures
 * against: what printing the app's canvas from a browser would give.
 */
import type {
  DisplayColor,
  DisplayList,
  DisplayPage,
  DisplayStroke,
} from '../../../../shared/layout/display-list';

const escapeXml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

function color(c: DisplayColor): string {
  return c.rgb;
}

function strokeAttrs(stroke: DisplayStroke): string {
  const dash =
    stroke.style === 'dashed'
      ? ` stroke-dasharray="${3 * stroke.width} ${2 * stroke.width}"`
      : stroke.style === 'dotted'
        ? ` stroke-dasharray="0 ${2 * stroke.width}" stroke-linecap="round"`
        : '';
  return `stroke="${color(stroke.color)}" stroke-width="${stroke.width}"${dash}`;
}

function pageSvg(page: DisplayPage, imageUrl: (assetId: string) => string): string {
  const out: string[] = [];
  let clip = 0;
  for (const item of page.items) {
    if (item.kind === 'box') {
      out.push(
        `<rect x="${item.x}" y="${item.y}" width="${item.width}" height="${item.height}" fill="${item.fill ? color(item.fill) : 'none'}" ${item.stroke ? strokeAttrs(item.stroke) : ''}/>`,
      );
    } else if (item.kind === 'rule') {
      out.push(
        `<line x1="${item.x}" y1="${item.y}" x2="${item.x + item.width}" y2="${item.y + item.height}" ${strokeAttrs(item.stroke)}/>`,
      );
    } else if (item.kind === 'image' && item.assetId) {
      const id = `c${page.index}-${clip++}`;
      out.push(
        `<clipPath id="${id}"><rect x="${item.x}" y="${item.y}" width="${item.width}" height="${item.height}"/></clipPath>`,
      );
      out.push(
        `<image href="${imageUrl(item.assetId)}" x="${item.imageX}" y="${item.imageY}" width="${item.imageWidth}" height="${item.imageHeight}" preserveAspectRatio="none" clip-path="url(#${id})"/>`,
      );
    } else if (item.kind === 'text') {
      for (const line of item.lines) {
        for (const run of line.runs) {
          const chars = Array.from(run.text);
          // One x per character: the glyph's x when the character starts a glyph.
          const xs = chars.map((_, i) => run.x[Math.min(i, run.x.length - 1)]);
          out.push(
            `<text x="${xs.map((x) => x.toFixed(3)).join(' ')}" y="${run.y}" font-family="${run.fontKey}" font-size="${run.size}" fill="${color(run.color)}">${escapeXml(run.text)}</text>`,
          );
        }
      }
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${page.width}pt" height="${page.height}pt" viewBox="0 0 ${page.width} ${page.height}">${out.join('')}</svg>`;
}

export function displayListHtml(
  list: DisplayList,
  fontUrl: (file: string) => string,
  imageUrl: (assetId: string) => string,
): string {
  const faces = Object.values(list.fonts)
    .map((f) => `@font-face{font-family:"${f.key}";src:url("${fontUrl(f.file)}") format("truetype");}`)
    .join('\n');
  const first = list.pages[0];
  const pages = list.pages.map((page) => `<section>${pageSvg(page, imageUrl)}</section>`).join('\n');
  return `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><style>
${faces}
@page{size:${first.width}pt ${first.height}pt;margin:0}
html,body{margin:0;padding:0}
section{width:${first.width}pt;height:${first.height}pt;overflow:hidden;break-after:page}
text{font-kerning:none;text-spacing-trim:space-all;white-space:pre}
</style></head><body>${pages}</body></html>`;
}
