/** Messages of statistics tables and the dashboard (thống kê, bảng điều khiển), spread into the two catalogues. */
export const statisticsVi = {} as const;

export const statisticsEn: { readonly [K in keyof typeof statisticsVi]: string } = {};
