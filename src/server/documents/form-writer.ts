import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * Draws GovDesk's printed forms (附件一, 附件三, 附件四) as A4 PDFs in Traditional Chinese. The
 * font is Noto Sans TC (SIL Open Font License) from the npm package @expo-google-fonts/noto-sans-tc,
 * so a fresh machine needs no system fonts; PDFKit embeds only the glyphs a document uses.
 */
const require = createRequire(import.meta.url);
const FONT_DIR = path.dirname(require.resolve('@expo-google-fonts/noto-sans-tc/package.json'));
const FONTS = {
  regular: path.join(FONT_DIR, '400Regular/NotoSansTC_400Regular.ttf'),
  bold: path.join(FONT_DIR, '700Bold/NotoSansTC_700Bold.ttf'),
};

const MARGIN = 40;
const PAD = 4;
const LINE = 0.6;

export type Cell = { label: string; value?: string | undefined; width: number };

/** `2026-11-23` (or an instant) as 115 年 11 月 23 日, the way government forms write dates. */
export function rocDate(value: string | Date | null | undefined): string {
  if (!value) return '　　年　　月　　日';
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? value
      : new Date(new Date(value).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y - 1911} 年 ${m} 月 ${d} 日`;
}

/** An instant as 115 年 11 月 23 日 10 時 20 分 (Asia/Taipei). */
export function rocDateTime(value: string | Date | null | undefined): string {
  if (!value) return '　　年　　月　　日　　時　　分';
  const local = new Date(new Date(value).getTime() + 8 * 3_600_000).toISOString();
  return `${rocDate(local.slice(0, 10))} ${Number(local.slice(11, 13))} 時 ${Number(local.slice(14, 16))} 分`;
}

export class FormWriter {
  private readonly doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: {} });
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<void>;
  private y = MARGIN;
  readonly width: number;

  constructor(title: string) {
    this.doc.info.Title = title;
    this.doc.info.Producer = 'GovDesk';
    this.doc.registerFont('regular', FONTS.regular);
    this.doc.registerFont('bold', FONTS.bold);
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve) => this.doc.on('end', () => resolve()));
    this.width = this.doc.page.width - 2 * MARGIN;
    this.doc.lineWidth(LINE);
  }

  private ensure(height: number): void {
    if (this.y + height <= this.doc.page.height - MARGIN) return;
    this.doc.addPage();
    this.y = MARGIN;
  }

  heading(text: string, size = 16): this {
    this.ensure(size * 2);
    this.doc.font('bold').fontSize(size).text(text, MARGIN, this.y, { width: this.width, align: 'center' });
    this.y = this.doc.y + 6;
    return this;
  }

  /** A line of small text (notes, contact details), optionally right-aligned. */
  line(text: string, options: { size?: number; align?: 'left' | 'right' | 'center' } = {}): this {
    const size = options.size ?? 9;
    this.doc.font('regular').fontSize(size);
    const h = this.doc.heightOfString(text, { width: this.width });
    this.ensure(h + 2);
    this.doc.text(text, MARGIN, this.y, { width: this.width, align: options.align ?? 'left' });
    this.y += h + 3;
    return this;
  }

  /** A row of bordered cells: a bold label and its value, side by side; widths are shares of the page. */
  row(cells: readonly Cell[], minHeight = 22): this {
    const total = cells.reduce((s, c) => s + c.width, 0);
    const widths = cells.map((c) => (c.width / total) * this.width);
    this.doc.fontSize(10);
    const heights = cells.map((c, i) => this.cellHeight(c, widths[i]!));
    const height = Math.max(minHeight, ...heights);
    this.ensure(height);
    let x = MARGIN;
    cells.forEach((c, i) => {
      const w = widths[i]!;
      this.doc.rect(x, this.y, w, height).stroke();
      this.doc
        .font('bold')
        .fontSize(10)
        .text(`${c.label}${c.value === undefined ? '' : '：'}`, x + PAD, this.y + PAD, {
          continued: c.value !== undefined,
          width: w - 2 * PAD,
        });
      if (c.value !== undefined) this.doc.font('regular').text(c.value || '　');
      x += w;
    });
    this.y += height;
    return this;
  }

  private cellHeight(c: Cell, width: number): number {
    this.doc.font('regular').fontSize(10);
    return this.doc.heightOfString(`${c.label}：${c.value ?? ''}`, { width: width - 2 * PAD }) + 2 * PAD + 2;
  }

  /** A bordered block: a bold heading and free text below it, with a signature/date line when given. */
  block(label: string, text: string, options: { minHeight?: number; footer?: string } = {}): this {
    this.doc.font('regular').fontSize(10);
    const body = text || '　';
    const h = this.doc.heightOfString(body, { width: this.width - 2 * PAD }) + 16 + (options.footer ? 14 : 0) + 2 * PAD;
    const height = Math.max(options.minHeight ?? 40, h);
    this.ensure(height);
    this.doc.rect(MARGIN, this.y, this.width, height).stroke();
    this.doc
      .font('bold')
      .fontSize(10)
      .text(label, MARGIN + PAD, this.y + PAD, { width: this.width - 2 * PAD });
    this.doc.font('regular').text(body, MARGIN + PAD, this.y + PAD + 15, { width: this.width - 2 * PAD });
    if (options.footer) {
      this.doc.fontSize(9).text(options.footer, MARGIN + PAD, this.y + height - PAD - 11, {
        width: this.width - 2 * PAD,
        align: 'right',
      });
    }
    this.y += height;
    return this;
  }

  gap(points = 8): this {
    this.y += points;
    return this;
  }

  async toBuffer(): Promise<Buffer> {
    this.doc.end();
    await this.done;
    return Buffer.concat(this.chunks);
  }
}
