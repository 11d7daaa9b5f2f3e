/** Messages of nomination dossiers (hồ sơ đề nghị khen thưởng), their review, deadlines and notifications, spread into the two catalogues. */
export const dossiersVi = {} as const;

export const dossiersEn: { readonly [K in keyof typeof dossiersVi]: string } = {};
