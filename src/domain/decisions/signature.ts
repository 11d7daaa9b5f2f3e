/**
 * The signature block of a decision (Nghị định 30/2020/NĐ-CP art. 13 and Phụ lục I mục II.9): the head signs
 * in their own name; a deputy signs "KT." (ký thay) above their own title; "TM." (thay mặt) for a collective
 * body such as the People's Committee; "Q." for an acting head; "TL." and "TUQ." for delegated signing.
 */
export const SIGN_MODES = ['direct', 'KT', 'TM', 'Q', 'TL', 'TUQ'] as const;
export type SignMode = (typeof SIGN_MODES)[number];

export interface SignatureLines {
  /** "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN" …, or '' when the head signs directly. */
  onBehalf: string;
  /** The signer's own title: "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "CHỦ TỊCH" … */
  title: string;
}

/**
 * @param leader the head's title ("Giám đốc", "Chủ tịch")
 * @param signerTitle the signer's own title ("Phó Giám đốc"); defaults to the head's
 * @param body the collective body for TM. ("Ủy ban nhân dân")
 */
export function signatureLines(
  mode: SignMode,
  leader: string,
  signerTitle: string,
  body = '',
): SignatureLines {
  const own = (signerTitle.trim() || leader).toUpperCase();
  const head = leader.toUpperCase();
  switch (mode) {
    case 'direct':
      return { onBehalf: '', title: own };
    case 'KT':
      return { onBehalf: `KT. ${head}`, title: own };
    case 'TM':
      return { onBehalf: `TM. ${(body || leader).toUpperCase()}`, title: own };
    case 'Q':
      return { onBehalf: '', title: `Q. ${head}` };
    case 'TL':
      return { onBehalf: `TL. ${head}`, title: own };
    case 'TUQ':
      return { onBehalf: `TUQ. ${head}`, title: own };
  }
}
