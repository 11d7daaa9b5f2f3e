/** Block covenant and scoring: criteria sets per block and year, score sheets, cross-checks, rankings. */
export {};
