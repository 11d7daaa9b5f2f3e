/** Movements (phong trào thi đua) with indicators and per-unit results; title registration (đăng ký thi đua). */
export {};
