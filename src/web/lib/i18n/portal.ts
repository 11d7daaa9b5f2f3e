/** Messages of public portal and news (cổng thông tin, tin tức), spread into the two catalogues. */
export const portalVi = {} as const;

export const portalEn: { readonly [K in keyof typeof portalVi]: string } = {};
