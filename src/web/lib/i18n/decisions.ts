/** Messages of award decisions (quyết định khen thưởng), prize money and the award history, spread into the two catalogues. */
export const decisionsVi = {} as const;

export const decisionsEn: { readonly [K in keyof typeof decisionsVi]: string } = {};
