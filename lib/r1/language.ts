const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
const LETTER_OR_CJK = /[A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;

/** A question counts as Chinese when CJK characters make up a fair share of its letters. */
export function isChinese(text: string): boolean {
  const cjk = text.match(CJK)?.length ?? 0;
  if (cjk === 0) return false;
  const letters = text.match(LETTER_OR_CJK)?.length ?? 0;
  return cjk / letters >= 0.3;
}
