export { amountInWords, formatDong, MAX_WORDS_AMOUNT } from './vietnamese-words';
export {
  baseSalaryOn,
  combinePrizes,
  prizeAmount,
  roundUpTo10k,
  SAME_PERIOD_TITLE_REASON,
  type BaseSalaryRow,
  type PaidPrizeItem,
  type PrizeInput,
  type PrizeItem,
} from './prize';
export { awardPrize, type AwardPrize, type AwardPrizeInput } from './award-prize';
