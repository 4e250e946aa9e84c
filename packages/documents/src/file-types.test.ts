import { describe, expect, it } from 'vitest';
import { allowedFileType, fileTypeProblem } from './file-types.ts';
import { sampleDocx, samplePdf, samplePng } from './samples.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const zipOf = (entry: string) => {
  const file = sampleDocx();
  const name = Buffer.from(entry, 'latin1');
  file.writeUInt16LE(name.length, 26);
  return Buffer.concat([file.subarray(0, 30), name]);
};

describe('which files a record may keep', () => {
  it.each([
    ['a PDF', 'application/pdf', samplePdf(), null],
    ['a PDF declared with parameters', 'Application/PDF; charset=binary', samplePdf(), null],
    ['a PNG', 'image/png', samplePng(), null],
    ['a JPEG', 'image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), null],
    ['a Word document', DOCX, sampleDocx(), null],
    ['an executable declared as a PDF', 'application/pdf', Buffer.from('MZ\x90\x00\x03', 'latin1'), 'content-mismatch'],
    ['a PNG declared as a PDF', 'application/pdf', samplePng(), 'content-mismatch'],
    ['HTML declared as a PNG', 'image/png', Buffer.from('<html><script>alert(1)</script>'), 'content-mismatch'],
    ['a jar declared as a Word document', DOCX, zipOf('META-INF/MANIFEST.MF'), 'content-mismatch'],
    ['an empty PDF', 'application/pdf', Buffer.alloc(0), 'empty'],
    ['HTML', 'text/html', Buffer.from('<html>'), 'not-allowed'],
    ['an SVG (it can carry script)', 'image/svg+xml', Buffer.from('<svg/>'), 'not-allowed'],
    ['an executable', 'application/x-msdownload', Buffer.from('MZ'), 'not-allowed'],
  ])('%s', (_what, contentType, bytes, problem) => {
    expect(fileTypeProblem(contentType, bytes)?.kind ?? null).toBe(problem);
  });

  it('names what the bytes really are when they are another allowed type', () => {
    const found = fileTypeProblem('application/pdf', samplePng());
    expect(found).toMatchObject({ kind: 'content-mismatch', declared: { name: { en: 'PDF' } }, found: { name: { en: 'PNG image', cy: 'delwedd PNG' } } });
  });

  it('knows an allowed type only by its bare content type', () => {
    expect(allowedFileType(' image/PNG ')?.name.en).toBe('PNG image');
    expect(allowedFileType('image/pngx')).toBeNull();
  });
});
