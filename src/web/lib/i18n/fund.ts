/** Messages of the emulation fund and certificates (quỹ thi đua, khen thưởng; in giấy khen, bằng khen), spread into the two catalogues. */
export const fundVi = {} as const;

export const fundEn: { readonly [K in keyof typeof fundVi]: string } = {};
