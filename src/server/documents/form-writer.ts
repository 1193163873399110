import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Draws GovDesk's printed forms (附件一, 附件三, 附件四, the data-centre form and return letter) as
 * A4 PDFs in Traditional Chinese. The font is Noto Sans TC (SIL Open Font License) from the npm
 * package @expo-google-fonts/noto-sans-tc, so a fresh machine needs no system fonts; PDFKit embeds
 * only the glyphs a document uses.
 */
const require = createRequire(import.meta.url);
const FONT_DIR = path.dirname(require.resolve('@expo-google-fonts/noto-sans-tc/package.json'));
const FONTS = {
  regular: path.join(FONT_DIR, '400Regular/NotoSansTC_400Regular.ttf'),
  bold: path.join(FONT_DIR, '700Bold/NotoSansTC_700Bold.ttf'),
};

/**
 * PDFKit (with its font parser and compression) loads when the first form is printed, not when
 * the server starts: importing it took 0.23–0.25 s of a start (issue 7: start to ready ≤ 3 s).
 */
const loadPdfKit = async () => (await import('pdfkit')).default;

const MARGIN = 40;
const PAD = 4;
const LINE = 0.6;

export type Cell = { label: string; value?: string | undefined; width: number };
/** A column of a table: its heading and its share of the page width. */
export type Column = { label: string; width: number; align?: 'left' | 'center' };

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
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<void>;
  private y = MARGIN;
  readonly width: number;

  /** A new A4 document titled `title`. */
  static async create(title: string): Promise<FormWriter> {
    const PDFKit = await loadPdfKit();
    return new FormWriter(new PDFKit({ size: 'A4', margin: MARGIN, info: {} }), title);
  }

  private constructor(
    private readonly doc: PDFKit.PDFDocument,
    title: string,
  ) {
    this.doc.info.Title = title;
    this.doc.info.Producer = 'GovDesk';
    this.doc.registerFont('regular', FONTS.regular);
    this.doc.registerFont('bold', FONTS.bold);
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve) => this.doc.on('end', () => resolve()));
    this.width = this.doc.page.width - 2 * MARGIN;
    this.doc.lineWidth(LINE);
  }

  private ensure(height: number): boolean {
    if (this.y + height <= this.doc.page.height - MARGIN) return false;
    this.doc.addPage();
    this.y = MARGIN;
    return true;
  }

  /** Starts a new page (a form's back page). */
  newPage(): this {
    this.doc.addPage();
    this.y = MARGIN;
    return this;
  }

  /** Moves to a new page unless `height` points still fit: keeps a block of rows together. */
  keep(height: number): this {
    this.ensure(Math.min(height, this.doc.page.height - 2 * MARGIN));
    return this;
  }

  /**
   * A bordered table: a shaded heading row, then one row per entry, each as tall as its longest
   * cell; the heading is repeated on every page the table runs onto.
   */
  table(columns: readonly Column[], rows: ReadonlyArray<readonly string[]>, size = 9): this {
    const widths = this.shares(columns);
    const heightOf = (cells: readonly string[], font: 'regular' | 'bold') =>
      this.tableRowHeight(widths, cells, font, size);
    const draw = (cells: readonly string[], font: 'regular' | 'bold', height: number) => {
      let x = MARGIN;
      cells.forEach((c, i) => {
        const w = widths[i]!;
        if (font === 'bold') this.doc.rect(x, this.y, w, height).fillAndStroke('#eeeeee', '#000000');
        else this.doc.rect(x, this.y, w, height).stroke();
        this.doc
          .fillColor('#000000')
          .font(font)
          .fontSize(size)
          .text(c || '　', x + PAD, this.y + PAD, { width: w - 2 * PAD, align: columns[i]?.align ?? 'left' });
        x += w;
      });
      this.y += height;
    };
    const heading = columns.map((c) => c.label);
    const headingHeight = heightOf(heading, 'bold');
    this.ensure(headingHeight + (rows[0] ? heightOf(rows[0], 'regular') : 0));
    draw(heading, 'bold', headingHeight);
    for (const row of rows) {
      const height = heightOf(row, 'regular');
      if (this.ensure(height)) draw(heading, 'bold', headingHeight);
      draw(row, 'regular', height);
    }
    return this;
  }

  /** The height `table` will take (without page breaks), to keep a block on one page. */
  tableHeight(columns: readonly Column[], rows: ReadonlyArray<readonly string[]>, size = 9): number {
    const widths = this.shares(columns);
    return [columns.map((c) => c.label), ...rows].reduce(
      (sum, cells, i) => sum + this.tableRowHeight(widths, cells, i === 0 ? 'bold' : 'regular', size),
      0,
    );
  }

  private shares(columns: ReadonlyArray<{ width: number }>): number[] {
    const total = columns.reduce((s, c) => s + c.width, 0);
    return columns.map((c) => (c.width / total) * this.width);
  }

  private tableRowHeight(widths: readonly number[], cells: readonly string[], font: 'regular' | 'bold', size: number) {
    this.doc.font(font).fontSize(size);
    const inner = cells.map((c, i) => this.doc.heightOfString(c || '　', { width: widths[i]! - 2 * PAD }));
    return Math.max(size + 2 * PAD + 4, ...inner.map((h) => h + 2 * PAD + 1));
  }

  /** A numbered paragraph with a hanging indent (一、… of an official letter); `indent` in points. */
  item(prefix: string, text: string, options: { size?: number; indent?: number } = {}): this {
    const size = options.size ?? 12;
    const x = MARGIN + (options.indent ?? 0);
    this.doc.font('regular').fontSize(size);
    const prefixWidth = this.doc.widthOfString(prefix);
    const width = this.width - (x - MARGIN) - prefixWidth;
    const h = this.doc.heightOfString(text || '　', { width });
    this.ensure(Math.min(h, size * 3) + 2);
    this.doc.text(prefix, x, this.y, { lineBreak: false });
    this.doc.text(text || '　', x + prefixWidth, this.y, { width });
    this.y = Math.max(this.doc.y, this.y + size) + 2;
    return this;
  }

  heading(text: string, size = 16): this {
    this.ensure(size * 2);
    this.doc.font('bold').fontSize(size).text(text, MARGIN, this.y, { width: this.width, align: 'center' });
    this.y = this.doc.y + 6;
    return this;
  }

  /** A line of small text (notes, contact details), optionally right-aligned. */
  line(text: string, options: { size?: number; align?: 'left' | 'right' | 'center'; bold?: boolean } = {}): this {
    const size = options.size ?? 9;
    this.doc.font(options.bold ? 'bold' : 'regular').fontSize(size);
    const h = this.doc.heightOfString(text, { width: this.width });
    this.ensure(h + 2);
    this.doc.text(text, MARGIN, this.y, { width: this.width, align: options.align ?? 'left' });
    this.y += h + 3;
    return this;
  }

  /** A row of bordered cells: a bold label and its value, side by side; widths are shares of the page. */
  row(cells: readonly Cell[], minHeight = 22): this {
    const widths = this.shares(cells);
    const height = this.rowHeight(cells, minHeight);
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

  /** The height `row` will take. */
  rowHeight(cells: readonly Cell[], minHeight = 22): number {
    const widths = this.shares(cells);
    return Math.max(minHeight, ...cells.map((c, i) => this.cellHeight(c, widths[i]!)));
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
