import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentDisposition, sanitiseFileName } from './file-names.js';

describe('sanitiseFileName', () => {
  it('keeps only the last path segment', () => {
    assert.equal(sanitiseFileName('../../etc/passwd'), 'passwd');
    assert.equal(sanitiseFileName('C:\\Users\\Jean\\Documents\\RIB.pdf'), 'RIB.pdf');
    assert.equal(sanitiseFileName('..\\..\\boot.ini'), 'boot.ini');
  });

  it('keeps an ordinary French name as it is (composed accents)', () => {
    assert.equal(sanitiseFileName("Relevé d'impôt 2024.pdf"), "Relevé d'impôt 2024.pdf");
    const decomposed = 'Releve\u0301.pdf'; // as macOS file systems hand names over
    assert.equal(sanitiseFileName(decomposed), 'Relevé.pdf');
    assert.equal(sanitiseFileName(decomposed).length, 'Relevé.pdf'.length);
  });

  it('removes control characters and line breaks', () => {
    assert.equal(sanitiseFileName('a\u0000b\u0007c\r\nd\u009b.pdf'), 'abc d.pdf');
    assert.equal(sanitiseFileName('avis\t\t  impôt.pdf'), 'avis impôt.pdf');
  });

  it('removes bidirectional overrides that disguise an extension, and invisible characters', () => {
    // Displays as "facture_exe.pdf" in a right-to-left-aware listing.
    assert.equal(sanitiseFileName('facture_\u202Efdp.exe'), 'facture_fdp.exe');
    assert.equal(sanitiseFileName('R\u200bI\u2066B\u2069.pdf\ufeff'), 'RIB.pdf');
  });

  it('is never empty, and never a dot file', () => {
    for (const name of ['', '   ', '..', '../', '\u202e', '/', '\u0000'])
      assert.equal(sanitiseFileName(name), 'document', JSON.stringify(name));
    assert.equal(sanitiseFileName('.htaccess'), 'htaccess');
    assert.equal(sanitiseFileName('scan.pdf. . '), 'scan.pdf');
  });

  it('caps the length at 200 characters, keeping the extension and whole characters', () => {
    const long = sanitiseFileName(`${'a'.repeat(300)}.pdf`);
    assert.equal(long.length, 200);
    assert.ok(long.endsWith('aaa.pdf'));
    const accented = sanitiseFileName(`${'é'.normalize('NFD').repeat(250)}.jpeg`);
    assert.equal(accented, `${'é'.repeat(195)}.jpeg`);
    const emoji = sanitiseFileName(`${'👨‍👩‍👧'.repeat(210)}`);
    assert.equal(Array.from(new Intl.Segmenter('fr', { granularity: 'grapheme' }).segment(emoji)).length, 200);
    assert.ok(emoji.endsWith('👨‍👩‍👧'), 'no family cut in half');
    assert.equal(sanitiseFileName(`${'b'.repeat(200)}.pdf`).length, 200);
    assert.equal(sanitiseFileName(`${'c'.repeat(196)}.pdf`), `${'c'.repeat(196)}.pdf`);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name (RFC 6266, RFC 8187)', () => {
    assert.equal(
      contentDisposition('attachment', "Relevé d'impôt.pdf"),
      `attachment; filename="Releve d'impot.pdf"; filename*=UTF-8''Relev%C3%A9%20d%27imp%C3%B4t.pdf`,
    );
    assert.equal(contentDisposition('inline', 'RIB.pdf'), `inline; filename="RIB.pdf"; filename*=UTF-8''RIB.pdf`);
  });

  it('cannot be broken out of: quotes, backslashes, line breaks, percent signs', () => {
    const header = contentDisposition('attachment', 'a"b\\c\r\nSet-Cookie: x=1; 100%.pdf');
    assert.doesNotMatch(header, /[\r\n]/);
    assert.equal(header, `attachment; filename="c Set-Cookie: x=1; 100_.pdf"; filename*=UTF-8''c%20Set-Cookie%3A%20x%3D1%3B%20100%25.pdf`);
    assert.equal(
      contentDisposition('inline', 'dit "oui" (signé).pdf'),
      `inline; filename="dit 'oui' (signe).pdf"; filename*=UTF-8''dit%20%22oui%22%20%28sign%C3%A9%29.pdf`,
    );
  });

  it('falls back to "document" for a name with no Latin letter, keeping the extension', () => {
    assert.equal(
      contentDisposition('attachment', '契約書.pdf'),
      `attachment; filename="document.pdf"; filename*=UTF-8''%E5%A5%91%E7%B4%84%E6%9B%B8.pdf`,
    );
  });

  it('cleans the name first', () => {
    assert.equal(contentDisposition('attachment', '../../x.pdf'), `attachment; filename="x.pdf"; filename*=UTF-8''x.pdf`);
  });
});
