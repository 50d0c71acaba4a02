/**
 * The printed ticket (claims 7, 15, 18): an A6 PDF with the event, date and
 * time, venue, seat, buyer, ticket id and a QR code of the ticket id, drawn
 * as vector squares so it scans crisply at any printer resolution.
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { formatDateTime } from '../../terminal/format.js';

export interface PrintedTicket {
  readonly ticket: CardTicket;
  readonly gateId: string;
  readonly admittedAt: Date;
}

/** A6 portrait in PDF points. */
const A6: [number, number] = [297.64, 419.53];
const MARGIN = 22;

export function ticketPdf({ ticket, gateId, admittedAt }: PrintedTicket): Promise<Buffer> {
  const info = ticket.ticket!;
  const buyer = ticket.buyerIdentification?.buyerName ?? '';
  const doc = new PDFDocument({
    size: A6,
    margin: MARGIN,
    info: { Title: `${info.eventName} ${info.ticketId}`, Author: 'Cardgate' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = A6[0] - 2 * MARGIN;
  // Every text is cut to its lines, so nothing runs into the QR code at the bottom.
  doc.font('Helvetica-Bold').fontSize(18).text(info.eventName, { width, height: 44, ellipsis: true });
  doc.font('Helvetica').fontSize(12).text(formatDateTime(info.startsAt), { width });
  doc.text(info.venue, { width, height: 15, ellipsis: true });
  doc.moveDown(0.6);
  field(doc, 'Seat', info.seat, width);
  field(doc, 'Buyer', buyer, width);
  field(doc, 'Order', info.orderId, width);
  const entry = ticket.additionalInfo?.entryInstructions;
  if (entry) field(doc, 'Entry', entry, width);
  drawQr(doc, info.ticketId, MARGIN, A6[1] - MARGIN - 150, 110);
  doc
    .font('Courier')
    .fontSize(10)
    .text(info.ticketId, MARGIN, A6[1] - MARGIN - 34, { width });
  doc
    .font('Helvetica')
    .fontSize(8)
    .text(`Admitted at gate ${gateId}, ${formatDateTime(admittedAt)}`, { width });
  doc.end();
  return done;
}

function field(doc: PDFKit.PDFDocument, label: string, value: string, width: number): void {
  doc.font('Helvetica').fontSize(9).fillColor('#555555').text(label.toUpperCase(), { width });
  doc
    .font('Helvetica-Bold')
    .fontSize(12)
    .fillColor('#000000')
    .text(value || '—', { width, height: 15, ellipsis: true });
  doc.moveDown(0.3);
}

/** The QR code of `text` as filled squares, `size` points wide, top left at (x, y). */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cell = size / modules.size;
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) doc.rect(x + col * cell, y + row * cell, cell, cell);
    }
  }
  doc.fillColor('#000000').fill();
}
