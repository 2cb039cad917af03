export { compareTokens, jsonEqual, type Change, type CompareResult, type Comparison, type DiffRow, type Lifetimes, type Part, type TimeChange } from './compare';
export { verifyBoth, type BothVerified } from './verify-both';
