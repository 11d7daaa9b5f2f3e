/** 1.234 — Vietnamese thousands separators. */
export const formatCount = (n: number): string => n.toLocaleString('vi-VN');
/** 30.000.000 đồng */
export const formatMoney = (n: number): string => `${formatCount(n)} đồng`;
