// Negative-input suites for server roles (issue 11 item 2).
export { judgeNegative } from './judge.ts';
export {
  casesFor,
  judgeCase,
  negativeBase,
  negativeCaseId,
  oracleAnswer,
  runNegativeSuite,
} from './run.ts';
export type {
  AnswerClass,
  CaseDelivery,
  CaseInput,
  ClassedAnswer,
  NegativeCase,
  NegativeSuite,
} from './types.ts';
