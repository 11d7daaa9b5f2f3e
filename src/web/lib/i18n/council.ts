/** Messages of public disclosure (công khai) and council sessions (Hội đồng TĐKT, bỏ phiếu kín), spread into the two catalogues. */
export const councilVi = {} as const;

export const councilEn: { readonly [K in keyof typeof councilVi]: string } = {};
